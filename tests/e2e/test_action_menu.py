#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, through AT-SPI: on the Roadmap of the Meridian example, the ⋮
# button of an action opens a menu (not an inline expander). Escape closes it
# with nothing changed; "Description and Success Measure" opens the details
# below the row. Due opens a calendar popover that Escape closes. The example
# file itself is never written.
#
# Usage: test_action_menu.py BUILD_ROOT SRC_ROOT

import os
import shutil
import subprocess

import pyatspi

from apmm_e2e import (App, Sandbox, click, find, roots, run, sha256, show_page, touch_registry,
                      wait_for, walk)


def press(node):
    """Clicks @node, or the first part of it that can be clicked: GTK 4.8
    gives a GtkMenuButton's action to the toggle button inside it."""
    for n in walk(node):
        try:
            action = n.queryAction()
        except NotImplementedError:
            continue
        for i in range(action.nActions):
            if action.getName(i) in ('click', 'activate', 'press'):
                action.doAction(i)
                return True
    return False


def menu_item(frame, label):
    return find(frame, name_re='^' + label.replace(' ', '.?') + '$', role=pyatspi.ROLE_MENU_ITEM)


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        path = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), path)
        checksum = sha256(path)

        touch_registry()
        app = App(build_root, sandbox, [path], tap=tap)
        frame = wait_for(app.main_frame, 10)
        tap.ok(frame is not None, 'the app shows a window')
        tap.ok(show_page(frame, 'Roadmap'), 'the view switcher opens the Roadmap')

        more = wait_for(lambda: find(frame, name='More options for the action'), 10)
        tap.ok(more is not None, 'an action has a ⋮ button named “More options for the action”')
        tap.ok(find(frame, name='Description', role=pyatspi.ROLE_TEXT) is None,
               'the description is not shown before the menu is used')

        tap.ok(press(more), 'the ⋮ button can be pressed')
        item = wait_for(lambda: menu_item(frame, 'Description and Success Measure'), 5)
        tap.ok(item is not None, 'the ⋮ button opens a menu with “Description and Success Measure”')
        tap.ok(menu_item(frame, 'Remove Action') is not None, 'the menu offers “Remove Action”')

        # Escape closes the menu and changes nothing.
        subprocess.run(['xdotool', 'key', 'Escape'], check=False)
        tap.ok(wait_for(lambda: menu_item(frame, 'Description and Success Measure') is None, 5),
               'Escape closes the menu')
        tap.ok(find(frame, name='Description', role=pyatspi.ROLE_TEXT) is None,
               'after Escape the details stay closed')

        press(more)
        item = wait_for(lambda: menu_item(frame, 'Description and Success Measure'), 5)
        press(item)
        tap.ok(wait_for(lambda: find(frame, name='Description', role=pyatspi.ROLE_TEXT) is not None, 5),
               'choosing it shows the description below the action')
        # Due opens a calendar in a popover; Escape closes it, nothing changed.
        # Only the button's own subtree is searched: the calendar's day labels
        # make a walk of the whole window slow.
        due = find(frame, name='Due date')
        tap.ok(due is not None and press(due), 'the Due button can be pressed')
        tap.ok(wait_for(lambda: find(due, name='GtkCalendar') is not None, 10),
               'Due opens a calendar popover')
        tap.ok(find(due, name_re='^_?No [Dd]ue [Dd]ate$') is not None, 'with a “No Due Date” button')
        subprocess.run(['xdotool', 'key', 'Escape'], check=False)
        tap.ok(wait_for(lambda: find(due, name='GtkCalendar') is None, 10),
               'Escape closes the calendar popover')
        tap.ok(app.proc.poll() is None, 'the app is still running')
        tap.ok(sha256(path) == checksum, 'the session file on disk is unchanged')
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
