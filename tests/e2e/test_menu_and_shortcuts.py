#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every main-menu item and every shortcut, end to end in one run of the app,
# with the keyboard (xdotool) and the accessible tree (AT-SPI), asserting what
# a user would notice: a window opens and closes again with Escape, the title
# names the session that opened, the page shown changes, a toast says what was
# undone. The file dialogs (Open, Save, Save As, unsaved changes, changed on
# disk, could not open) are in test_file_dialogs.py; Export Ladder in
# test_export_ladder.py.
#
#   win.show-help-overlay   menu “Keyboard Shortcuts”, Ctrl+?; Escape closes it
#   app.preferences         menu “Preferences”, Ctrl+,; Escape closes it
#   app.about               menu “About APMM Workshop”; Escape closes it
#   win.open-example        menu “Open Example” ▸ each example, the welcome page's menu
#   win.new-session         menu “New Session”, Ctrl+N, the welcome page's button
#   win.show-page           Alt+1 … Alt+4 and the view switcher
#   win.show-details        F9 and the “Session Details” button
#   win.undo, win.redo      Ctrl+Z, Shift+Ctrl+Z, the menu items and the header buttons
#   ladder keys             Up, Down, Home, End on the Level Explorer's ladder
#   gap and action rows     Alt+Down and Alt+Up move the focused gap (Gap Map) or
#                           action (Roadmap)
#   app.quit                Ctrl+Q: asks about unsaved changes (Escape keeps the app), then quits
#
# Usage: test_menu_and_shortcuts.py BUILD_ROOT SRC_ROOT

import re
import time

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import (App, Sandbox, assessment_page, button, click, dialog_with_heading, find,
                      is_pressed, menu_items, open_main_menu, open_submenu, reopen_main_menu, roots, run, status_button, touch_registry,
                      visible_walk, wait_for, wait_for_toast)

WELCOME = 'APMM Workshop'
PAGES = {'1': 'Level Explorer', '2': 'Self-Assessment', '3': 'Gap Map', '4': 'Roadmap'}


def open_menu(tap, app, frame, wanted):
    """F10, then the main menu's items once wanted is among them."""
    items = open_main_menu(app, frame, wanted)
    tap.ok(items is not None, f'F10 opens the main menu, which has “{wanted}”')
    return items


def menu_click(tap, app, frame, label):
    items = open_menu(tap, app, frame, label)
    item = items[label]
    tap.ok(item.getState().contains(pyatspi.STATE_SENSITIVE), f'“{label}” can be chosen')
    click(item)


def other_windows(app, frame):
    return [w for w in app.frames() if w.name != frame.name]


def opens_and_escapes(tap, app, frame, how, name_re):
    """The window how() opens appears, and Escape closes it again."""
    before = {w.name for w in app.frames()}
    how()
    window = wait_for(lambda: next((w for w in app.frames()
                                    if w.name not in before and re.search(name_re, w.name or '')),
                                   None), 10)
    tap.ok(window is not None, f'a window “{window.name if window else name_re}” opens')
    name = window.name
    time.sleep(0.5)
    app.key(name, 'Escape')
    tap.ok(app.gone(name), f'Escape closes “{name}”')
    tap.ok(app.alive(), 'the app is still running')


def titled(app, prefix):
    return app.window(name_re='^' + re.escape(prefix), timeout=10)


def shown_page(frame):
    for name in PAGES.values():
        tab = find(frame, role=pyatspi.ROLE_PAGE_TAB, name=name)
        if tab is not None and is_pressed(tab):
            return name
    return None


def examples(tap, app, frame):
    # The welcome page's own example menu.
    menu_button = find(frame, role=pyatspi.ROLE_PUSH_BUTTON, name='Open Example')
    tap.ok(menu_button is not None, 'the welcome page has an “Open Example” button')
    click(menu_button)
    label = 'Meridian Insurance — level 2, believes it is at 3'
    # The popover hangs under the GtkMenuButton, the parent of the button clicked.
    item = wait_for(lambda: menu_items(menu_button.parent).get(label), 10)
    tap.ok(item is not None, f'it lists “{label}”')
    click(item)
    frame = titled(app, 'Meridian Insurance — ')
    tap.ok(frame is not None, f'the Meridian example opens: “{frame.name if frame else ""}”')

    # The main menu's submenu, each example.
    for label, title in (('Northwind Logistics (level 1)', 'Northwind Logistics — '),
                         ('Halcyon Health (level 3)', 'Halcyon Health — '),
                         ('Meridian Insurance (level 2)', 'Meridian Insurance — ')):
        items = open_menu(tap, app, frame, 'Open Example')
        item = open_submenu(items, 'Open Example', label)
        tap.ok(item is not None, f'“Open Example” ▸ “{label}”')
        click(item)
        frame = titled(app, title)
        reopen_main_menu(app, frame)
        tap.ok(frame is not None and frame.name == title + 'APMM Workshop',
               f'the example opens, not marked unsaved: “{frame.name if frame else ""}”')
    return frame


def pages_and_details(tap, app, frame):
    for key in ('3', '1', '4', '2'):
        app.key(frame.name, f'alt+{key}')
        tap.ok(wait_for(lambda: shown_page(frame) == PAGES[key], 5),
               f'Alt+{key} shows {PAGES[key]} ({shown_page(frame)})')

    details = find(frame, role=pyatspi.ROLE_TOGGLE_BUTTON, name='Session Details') or \
        find(frame, role=pyatspi.ROLE_PUSH_BUTTON, name='Session Details')
    tap.ok(details is not None and not is_pressed(details), 'the session details are closed')
    app.key(frame.name, 'F9')
    tap.ok(wait_for(lambda: is_pressed(details), 5), 'F9 opens the session details')
    organisation = wait_for(lambda: find(frame, role=pyatspi.ROLE_TEXT, name_re='Organisation'), 5)
    tap.ok(organisation is not None, 'the details show the organisation field')
    app.key(frame.name, 'F9')
    tap.ok(wait_for(lambda: not is_pressed(details), 5), 'F9 again closes them')
    click(details)
    tap.ok(wait_for(lambda: is_pressed(details), 5), 'the “Session Details” button opens them')
    click(details)
    tap.ok(wait_for(lambda: not is_pressed(details), 5), 'and closes them')


def ladder_keys(tap, app, frame):
    app.key(frame.name, 'alt+1')
    ladder = wait_for(lambda: find(frame, role=pyatspi.ROLE_PANEL, name='Maturity ladder'), 10)
    tap.ok(ladder is not None, 'the Level Explorer shows the ladder')

    def selected():
        match = re.search(r'Selected: Level (\d)', ladder.description or '')
        return int(match.group(1)) if match else None

    # A click near the top of the ladder selects level 4 and focuses it.
    app.click_at(frame.name, ladder, 0.5, 0.08)
    tap.ok(wait_for(lambda: selected() == 4, 5), f'a click on the top rung selects level 4 ({selected()})')
    for key, expect in (('Home', 0), ('Up', 1), ('Up', 2), ('End', 4), ('Down', 3)):
        app.key(frame.name, key)
        tap.ok(wait_for(lambda: selected() == expect, 5),
               f'{key} on the ladder selects level {expect} ({selected()})')


def row_names(listing):
    """The names of a list's rows (“Gap 1: Rollback procedure”) without their
    numbers, in order."""
    names = []
    for i in range(listing.childCount):
        child = listing.getChildAtIndex(i)
        if child is not None and child.getRole() == pyatspi.ROLE_LIST_ITEM:
            names.append(re.sub(r'^\w+ \d+: ', '', child.name or ''))
    return names


def row_moves(tap, app, frame, page_key, list_name, what):
    """Alt+Down and Alt+Up move the row that holds the focus (a click in its
    first text field puts it there)."""
    app.key(frame.name, page_key)
    listing = wait_for(lambda: find(frame, role=pyatspi.ROLE_LIST, name=list_name), 10)
    tap.ok(listing is not None and listing.childCount >= 2, f'the page lists “{list_name}”')
    before = row_names(listing)
    field = find(listing.getChildAtIndex(0), role=pyatspi.ROLE_TEXT)
    tap.ok(field is not None, f'the first {what} has a text field: “{field.name if field else ""}”')
    app.click_at(frame.name, field, 0.9, 0.5)
    time.sleep(0.3)
    app.key(frame.name, 'alt+Down')
    moved = [before[1], before[0]] + before[2:]
    tap.ok(wait_for(lambda: row_names(listing) == moved, 5),
           f'Alt+Down moves the first {what}, “{before[0]}”, below “{before[1]}”')
    app.key(frame.name, 'alt+Up')
    tap.ok(wait_for(lambda: row_names(listing) == before, 5), f'Alt+Up moves it back')


def undo_redo(tap, app, frame):
    app.key(frame.name, 'alt+2')
    page = wait_for(lambda: assessment_page(frame), 10)
    criterion = 'Output monitoring'
    met = status_button(page, criterion)
    tap.ok(met is not None and not is_pressed(met), f'“{criterion}” is not rated Met')
    click(met)
    tap.ok(wait_for(lambda: is_pressed(met), 5), f'rating “{criterion}” Met')
    tap.ok(wait_for(lambda: frame.name.startswith('• '), 5), f'marks the window unsaved: “{frame.name}”')

    app.key(frame.name, 'ctrl+z')
    toast = wait_for_toast(frame, '^Undone: ')
    tap.ok(toast is not None, f'Ctrl+Z undoes it, and a toast says what: “{toast}”')
    tap.ok(wait_for(lambda: not is_pressed(met), 5), f'“{criterion}” is no longer Met')
    tap.ok(wait_for(lambda: not frame.name.startswith('• '), 5),
           f'the window is no longer marked unsaved: “{frame.name}”')

    app.key(frame.name, 'ctrl+shift+z')
    toast = wait_for_toast(frame, '^Redone: ')
    tap.ok(toast is not None, f'Shift+Ctrl+Z redoes it: “{toast}”')
    tap.ok(wait_for(lambda: is_pressed(met), 5), f'“{criterion}” is Met again')

    items = open_menu(tap, app, frame, 'Save')
    undo = next((name for name in items if name.startswith('Undo “')), None)
    tap.ok(undo is not None, f'the main menu names what Undo would undo: “{undo}”')
    click(items[undo])
    tap.ok(wait_for(lambda: not is_pressed(met), 5), 'the menu’s Undo undoes it')
    items = open_menu(tap, app, frame, 'Save')
    redo = next((name for name in items if name.startswith('Redo “')), None)
    tap.ok(redo is not None, f'and Redo what it would redo: “{redo}”')
    click(items[redo])
    tap.ok(wait_for(lambda: is_pressed(met), 5), 'the menu’s Redo redoes it')

    undo_button = find(frame, role=pyatspi.ROLE_PUSH_BUTTON, name='Undo')
    redo_button = find(frame, role=pyatspi.ROLE_PUSH_BUTTON, name='Redo')
    tap.ok(undo_button is not None and undo_button.description.startswith('Undo “'),
           f'the header’s Undo button says what it undoes: “{undo_button.description if undo_button else ""}”')
    click(undo_button)
    tap.ok(wait_for(lambda: not is_pressed(met), 5), 'the Undo button undoes it')
    click(redo_button)
    tap.ok(wait_for(lambda: is_pressed(met), 5), 'the Redo button redoes it')
    tap.ok(frame.name.startswith('• '), 'the window is unsaved again')


def quit_with_changes(tap, app, frame):
    app.key(frame.name, 'ctrl+q')
    dialog = dialog_with_heading(app, 'Save Changes?')
    tap.ok(dialog is not None, 'Ctrl+Q with unsaved changes asks “Save Changes?”')
    time.sleep(0.3)
    app.key(dialog.name, 'Escape')
    tap.ok(app.gone(dialog.name), 'Escape closes the question')
    time.sleep(0.5)
    tap.ok(app.alive() and frame.name.startswith('• '), 'the app and its unsaved session are still there')

    app.key(frame.name, 'ctrl+q')
    dialog = dialog_with_heading(app, 'Save Changes?')
    tap.ok(dialog is not None, 'Ctrl+Q asks again')
    discard = button(dialog, 'Discard')
    click(discard)
    tap.ok(wait_for(lambda: app.proc.poll() is not None, 10), 'Discard: the app quits')
    if app.proc.returncode != 0:
        app.alive()  # prints how it ended
    tap.ok(app.proc.returncode == 0, f'with status 0 ({app.proc.returncode})')


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        touch_registry()
        app = App(build_root, sandbox, [], tap=tap)
        frame = app.window(name=WELCOME, timeout=15)
        tap.ok(frame is not None, 'the app starts on the welcome view')

        items = open_menu(tap, app, frame, 'New Session')
        expected = ['New Session', 'Open…', 'Open Example', 'Save', 'Save As…', 'Export Ladder…',
                    'Keyboard Shortcuts', 'Preferences', 'About APMM Workshop']
        tap.ok(all(name in items for name in expected),
               'the main menu has ' + ', '.join(expected) + f' ({", ".join(items)})')
        insensitive = [name for name in ('Save', 'Save As…', 'Export Ladder…')
                       if not items[name].getState().contains(pyatspi.STATE_SENSITIVE)]
        tap.ok(len(insensitive) == 3, f'without a session, Save, Save As and Export are off ({insensitive})')
        app.key(frame.name, 'Escape')
        tap.ok(wait_for(lambda: not is_visible_menu(frame), 5), 'Escape closes the menu')

        # The shortcuts window has a title screen readers can say.
        opens_and_escapes(tap, app, frame, lambda: menu_click(tap, app, frame, 'Keyboard Shortcuts'),
                          '^Keyboard Shortcuts$')
        opens_and_escapes(tap, app, frame, lambda: app.key(frame.name, 'ctrl+question'),
                          '^Keyboard Shortcuts$')
        opens_and_escapes(tap, app, frame, lambda: menu_click(tap, app, frame, 'Preferences'),
                          '^Preferences$')
        opens_and_escapes(tap, app, frame, lambda: app.key(frame.name, 'ctrl+comma'), '^Preferences$')
        opens_and_escapes(tap, app, frame, lambda: menu_click(tap, app, frame, 'About APMM Workshop'),
                          'About|APMM')

        frame = examples(tap, app, frame)
        app.key(frame.name, 'ctrl+n')
        frame = titled(app, 'Untitled Session — ')
        tap.ok(frame is not None, f'Ctrl+N replaces the unchanged example with a new session: “{frame.name if frame else ""}”')
        tap.ok(wait_for(lambda: shown_page(frame) == 'Self-Assessment', 5),
               'a new session starts on the Self-Assessment page')
        click(open_submenu(open_menu(tap, app, frame, 'Open Example'), 'Open Example',
                           'Meridian Insurance (level 2)'))
        frame = titled(app, 'Meridian Insurance — ')
        reopen_main_menu(app, frame)
        menu_click(tap, app, frame, 'New Session')
        frame = titled(app, 'Untitled Session — ')
        tap.ok(frame is not None, f'the menu’s “New Session” does too: “{frame.name if frame else ""}”')
        click(open_submenu(open_menu(tap, app, frame, 'Open Example'), 'Open Example',
                           'Meridian Insurance (level 2)'))
        frame = titled(app, 'Meridian Insurance — ')
        reopen_main_menu(app, frame)

        pages_and_details(tap, app, frame)
        ladder_keys(tap, app, frame)
        undo_redo(tap, app, frame)
        row_moves(tap, app, frame, 'alt+3', 'Ranked gaps', 'gap')
        row_moves(tap, app, frame, 'alt+4', 'Roadmap actions', 'action')
        # GTK 4.8's own GtkShortcutsWindow prints “GtkLabel … reported min
        # width -3” for two labels of its own whatever the help overlay holds
        # (tried without multi-key accelerators): not ours to fix. Anything
        # else is.
        warnings = [w for w in app.warnings() if 'reported min width -3, but sizes must be >= 0' not in w]
        tap.ok(not warnings, 'the app printed no warning: ' + ' | '.join(warnings))
        quit_with_changes(tap, app, frame)
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


def is_visible_menu(frame):
    menu = find(frame, role=pyatspi.ROLE_MENU, name='GtkPopoverMenu')
    return menu is not None


if __name__ == '__main__':
    run(main)
