#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Re-assessment and breakout groups, end to end through AT-SPI and the
# keyboard (xdotool), as a facilitator would:
#
# - "Compare with Earlier Session…" (win.compare) from the main menu: Cancel and Escape
#   leave the session untouched; picking the March session of the example
#   marks the window unsaved and the Gap Map shows what moved; picking another
#   organisation's session is refused with a dialog that says why.
# - "Merge Group Files…" (win.merge): Cancel and Escape do nothing; a folder holding a
#   bad file among the groups' files is refused with a dialog naming it and
#   no window opens; the three groups' files open merged in a new, unsaved
#   window whose Self-Assessment page offers the "Disputed (3)" filter.
#
# Usage: test_compare_merge.py BUILD_ROOT SRC_ROOT

import json
import os
import shutil
import subprocess
import time

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import (App, Sandbox, click, find, roots, run, sha256, show_page, touch_registry,
                      visible_walk, wait_for)


def keys(*args):
    subprocess.run(['xdotool'] + list(args), check=True, timeout=30)


def open_menu_item(app, frame, label):
    menu = find(frame, name='Main Menu')
    button = [n for n in apmm_e2e.walk(menu) if n is not menu and n.name == 'Main Menu'][0]
    click(button)
    # The popover hangs under the menu button: walking only that is quick
    # even on a loaded machine, where walking the whole window is not.
    item = wait_for(lambda: apmm_e2e.menu_items(menu).get(label), 15)
    if item is None:
        raise apmm_e2e.Failure(f'no “{label}” in the main menu')
    click(item)


def chooser(app, title):
    for window in app.frames():
        if window.name == title and window.getRole() != pyatspi.ROLE_FRAME:
            return window
    return None


def chooser_closed(app, title):
    return chooser(app, title) is None


def alert(app, heading):
    for window in app.frames():
        if window.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT) and \
           (window.name or '').startswith(heading):
            return window
    return None


def alert_texts(dialog):
    return [n.name for n in visible_walk(dialog) if n.getRole() == pyatspi.ROLE_LABEL]


def session_frames(app):
    return [f for f in app.frames() if f.getRole() == pyatspi.ROLE_FRAME and 'APMM Workshop' in (f.name or '')]


def cancel_and_escape(tap, app, frame, label, title):
    open_menu_item(app, frame, label)
    dialog = wait_for(lambda: chooser(app, title), 10)
    tap.ok(dialog is not None, f'“{label}” opens a file chooser titled “{title}”')
    cancel = find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name_re='Cancel')
    tap.ok(cancel is not None, f'the {title} chooser has a Cancel button')
    click(cancel)
    tap.ok(wait_for(lambda: chooser_closed(app, title), 5), f'Cancel closes the {title} chooser')

    open_menu_item(app, frame, label)
    dialog = wait_for(lambda: chooser(app, title), 10)
    tap.ok(dialog is not None, f'“{label}” opens the chooser again')
    wait_for(lambda: has_focus(dialog), 10)
    keys('key', 'Escape')
    tap.ok(wait_for(lambda: chooser_closed(app, title), 5), f'Escape closes the {title} chooser')


def has_focus(node):
    return any(n.getState().contains(pyatspi.STATE_FOCUSED) for n in visible_walk(node))


def pick_path(app, title, path):
    """Types a path into the open chooser (typing "/" opens its location
    entry) and presses Enter."""
    dialog = wait_for(lambda: chooser(app, title), 10)
    # Type only once the chooser has the keyboard focus.
    wait_for(lambda: has_focus(dialog), 10)
    time.sleep(0.3)
    keys('type', '--delay', '20', path)
    time.sleep(0.5)
    keys('key', 'Return')


def compare(tap, app, frame, src_root, folder):
    later = os.path.join(folder, 'meridian-later.apmm')
    march = os.path.join(folder, 'meridian-march.apmm')
    other = os.path.join(folder, 'halcyon.apmm')

    cancel_and_escape(tap, app, frame, 'Compare with Earlier Session…', 'Compare with Earlier Session')
    tap.ok(not frame.name.startswith('• '), f'Cancel and Escape leave the session unchanged: “{frame.name}”')

    open_menu_item(app, frame, 'Compare with Earlier Session…')
    pick_path(app, 'Compare with Earlier Session', other)
    dialog = wait_for(lambda: alert(app, 'Could Not Compare With'), 10)
    tap.ok(dialog is not None, 'another organisation’s session is refused with an alert')
    tap.ok(any('another organisation' in t for t in alert_texts(dialog)),
           f'the alert says why: {alert_texts(dialog)}')
    click(find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name_re='Close'))
    tap.ok(wait_for(lambda: alert(app, 'Could Not Compare With') is None, 5), 'the alert closes')
    tap.ok(not frame.name.startswith('• '), 'the refused baseline changed nothing')

    open_menu_item(app, frame, 'Compare with Earlier Session…')
    pick_path(app, 'Compare with Earlier Session', march)
    tap.ok(wait_for(lambda: frame.name.startswith('• '), 10),
           f'the baseline is a change to save: “{frame.name}”')
    tap.ok(show_page(frame, 'Gap Map'), 'the Gap Map opens')
    tap.ok(wait_for(lambda: find(frame, role=pyatspi.ROLE_LABEL,
                                 name_re='Compared with the session of 2026-03-12 · evidence level \\+1'), 10),
           'the Gap Map says the evidence level rose by one since 2026-03-12')
    tap.ok(find(frame, role=pyatspi.ROLE_LABEL, name_re='^Closed \\(6\\): ') is not None,
           'the Gap Map lists the six gaps closed since')
    tap.ok(sha256(later) == app.later_checksum, 'the later session file is not written')


def select_all_and_merge(app):
    """In the folder the chooser now shows (its file list has the focus):
    every file, then the Merge button. Enter would take only the row under
    the cursor."""
    time.sleep(1.0)
    keys('key', 'ctrl+a')
    time.sleep(0.5)
    dialog = chooser(app, 'Merge Group Files')
    button = find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name_re='Merge$')
    if button is None:
        raise apmm_e2e.Failure('the chooser has no Merge button')
    click(button)


def merge(tap, app, frame, folder):
    bad_folder = os.path.join(folder, 'with-bad')
    good_folder = os.path.join(folder, 'groups')

    cancel_and_escape(tap, app, frame, 'Merge Group Files…', 'Merge Group Files')
    tap.ok(len(session_frames(app)) == 1, 'Cancel and Escape open no window')

    open_menu_item(app, frame, 'Merge Group Files…')
    pick_path(app, 'Merge Group Files', bad_folder + '/')
    select_all_and_merge(app)
    dialog = wait_for(lambda: alert(app, 'Could Not Merge the Group Files'), 10)
    tap.ok(dialog is not None, 'a bad file among the groups’ files is refused with an alert')
    texts = alert_texts(dialog)
    tap.ok(any(t.startswith('truncated.apmm: ') for t in texts), f'the alert names the bad file: {texts}')
    click(find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name_re='Close'))
    tap.ok(wait_for(lambda: alert(app, 'Could Not Merge') is None, 5), 'the alert closes')
    tap.ok(len(session_frames(app)) == 1, 'nothing was opened')

    open_menu_item(app, frame, 'Merge Group Files…')
    pick_path(app, 'Merge Group Files', good_folder + '/')
    select_all_and_merge(app)
    tap.ok(wait_for(lambda: len(session_frames(app)) == 2, 10),
           'the merge opens in a new window, beside the session with unsaved work')
    first = frame.getIndexInParent()
    merged = [f for f in session_frames(app) if f.getIndexInParent() != first]
    merged = merged[0] if merged else None
    tap.ok(merged is not None and wait_for(lambda: merged.name.startswith('• Meridian Insurance'), 5),
           f'the merged session is unsaved and names the organisation: “{merged.name if merged else None}”')
    tap.ok(show_page(merged, 'Self-Assessment'), 'its Self-Assessment page opens')
    filter_button = wait_for(lambda: find(merged, name='Disputed (3)'), 10)
    tap.ok(filter_button is not None, 'the page offers the “Disputed (3)” filter')
    tap.ok(find(merged, name='Settle as Met') is not None, 'a disputed criterion can be settled')


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        folder = sandbox.dir
        examples = os.path.join(src_root, 'data', 'examples')
        shutil.copy(os.path.join(examples, 'meridian-insurance.apmm'), os.path.join(folder, 'meridian-march.apmm'))
        shutil.copy(os.path.join(examples, 'halcyon-health.apmm'), os.path.join(folder, 'halcyon.apmm'))
        # The later session without its stored baseline: the test sets one.
        with open(os.path.join(src_root, 'tests', 'data', 'meridian-insurance-later.apmm'), encoding='utf-8') as f:
            later = json.load(f)
        del later['baseline']
        later_path = os.path.join(folder, 'meridian-later.apmm')
        with open(later_path, 'w', encoding='utf-8') as f:
            json.dump(later, f, indent=2, ensure_ascii=False)
        groups = os.path.join(src_root, 'tests', 'data', 'groups')
        os.makedirs(os.path.join(folder, 'groups'))
        os.makedirs(os.path.join(folder, 'with-bad'))
        for name in ('claims-team.apmm', 'it-ops.apmm', 'data-science.apmm'):
            shutil.copy(os.path.join(groups, name), os.path.join(folder, 'groups', name))
        for name in ('claims-team.apmm', 'it-ops.apmm'):
            shutil.copy(os.path.join(groups, name), os.path.join(folder, 'with-bad', name))
        shutil.copy(os.path.join(src_root, 'tests', 'data', 'bad', 'truncated.apmm'),
                    os.path.join(folder, 'with-bad', 'truncated.apmm'))

        touch_registry()
        app = App(build_root, sandbox, [later_path], tap=tap)
        app.later_checksum = sha256(later_path)
        frame = wait_for(app.main_frame, 10)
        tap.ok(frame is not None and wait_for(lambda: frame.name.startswith('Meridian Insurance'), 10),
               'the later session opens')

        compare(tap, app, frame, src_root, folder)
        merge(tap, app, frame, folder)
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
