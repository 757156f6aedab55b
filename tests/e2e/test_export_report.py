#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Export Report and Print, end to end with the keyboard: Shift+Ctrl+E opens
# the Export Report dialog over a session; Escape and Cancel close it and the
# app lives on; Escape in the file chooser comes back to the dialog. Then a
# Markdown report is chosen with the dialog's mnemonics, anonymised, and
# exported through the real file chooser: the file exists, holds the report
# and no participant's name, and the window says so in a toast. Ctrl+P opens
# the print dialog, which Escape cancels. Keys go through the X server
# (xdotool), as a user's would.
# Actions covered: win.export-report (Shift+Ctrl+E), win.print (Ctrl+P).
#
# Usage: test_export_report.py BUILD_ROOT SRC_ROOT

import os
import re
import shutil
import subprocess
import time

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import App, Failure, Sandbox, click, find, roots, run, touch_registry, walk, wait_for

SESSION_TITLE = 'Meridian Insurance — APMM Workshop'
DIALOG_TITLE = 'Export Report'


def x_windows(app, title):
    result = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(app.proc.pid),
                             '--name', '^' + re.escape(title) + '$'],
                            capture_output=True, text=True, timeout=10)
    return result.stdout.split()


def key(app, title, *keys):
    """Presses keys (xdotool names) in the window with this title. Xvfb has
    no window manager: the focus is given to the window first, as a click
    on it would."""
    windows = wait_for(lambda: x_windows(app, title), 5)
    if not windows:
        raise Failure(f'no visible X window “{title}” to type into')
    subprocess.run(['xdotool', 'windowfocus', '--sync', windows[-1]], timeout=10,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.2)
    subprocess.run(['xdotool', 'key', '--delay', '80'] + list(keys), timeout=30, check=True)


def type_text(app, title, text):
    key(app, title)
    subprocess.run(['xdotool', 'type', '--delay', '10', text], timeout=60, check=True)


def window(app, title, timeout=10):
    return wait_for(lambda: next((w for w in app.frames() if w.name == title), None), timeout)


def gone(app, title, timeout=10):
    return wait_for(lambda: all(w.name != title for w in app.frames()), timeout)


def alive(app):
    return app.proc.poll() is None and window(app, SESSION_TITLE, 5) is not None


def checked(node):
    return node is not None and node.getState().contains(pyatspi.STATE_CHECKED)


def toast_text(frame, pattern):
    for n in walk(frame, prune=lambda n: n.getRole() == pyatspi.ROLE_SCROLL_PANE):
        if n.getRole() == pyatspi.ROLE_LABEL and re.search(pattern, n.name or ''):
            return n.name
    return None


def open_dialog(tap, app, how):
    key(app, SESSION_TITLE, 'shift+ctrl+e')
    dialog = window(app, DIALOG_TITLE)
    tap.ok(dialog is not None, f'Shift+Ctrl+E opens “{DIALOG_TITLE}” ({how})')
    return dialog


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        if shutil.which('xdotool') is None:
            raise Failure('xdotool is needed to type (tools/setup installs it)')
        session = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), session)
        out_dir = os.path.join(sandbox.dir, 'out')
        os.makedirs(out_dir)

        touch_registry()
        app = App(build_root, sandbox, [session], tap=tap)
        tap.ok(window(app, SESSION_TITLE, 15) is not None, 'the session opens')

        # Escape closes the dialog.
        dialog = open_dialog(tap, app, 'first time')
        tap.ok(find(dialog, role=pyatspi.ROLE_LABEL, name='Page 1 of 7') is not None or
               find(dialog, role=pyatspi.ROLE_LABEL, name_re=r'^Page 1 of \d+$') is not None,
               'the dialog previews the report’s pages')
        key(app, DIALOG_TITLE, 'Escape')
        tap.ok(gone(app, DIALOG_TITLE), 'Escape closes the dialog')
        tap.ok(alive(app), 'the app lives on after Escape')

        # Cancel closes it too.
        dialog = open_dialog(tap, app, 'second time')
        # GTK 4.8 names a labelled button “Cancel Cancel” (its label, then its text).
        cancel = find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name_re=r'^Cancel\b')
        if cancel is None:
            tap.note('buttons: ' + ', '.join(f'{n.getRoleName()} “{n.name}”' for n in walk(dialog)
                                             if n.getRole() == pyatspi.ROLE_PUSH_BUTTON))
        tap.ok(cancel is not None, 'the dialog has a Cancel button')
        click(cancel)
        tap.ok(gone(app, DIALOG_TITLE), 'Cancel closes the dialog')
        tap.ok(alive(app), 'the app lives on after Cancel')

        # Escape in the file chooser goes back to the dialog.
        dialog = open_dialog(tap, app, 'third time')
        key(app, DIALOG_TITLE, 'alt+m')
        markdown = next((n for n in walk(dialog) if re.match(r'Markdown\b', n.name or '') and n.getRole() in
                         (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX)), None)
        if markdown is None or not wait_for(lambda: checked(markdown), 5):
            tap.note('format buttons: ' + ', '.join(f'{n.getRoleName()} “{n.name}” {checked(n)}' for n in walk(dialog)
                                                    if n.getRole() in (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX)))
        tap.ok(wait_for(lambda: checked(markdown), 5), 'Alt+M picks Markdown')
        key(app, DIALOG_TITLE, 'alt+a')
        switch = next((n for n in walk(dialog) if n.getRole() in (pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX)
                       and re.match(r'Anonymise\b', n.name or '')), None)
        tap.ok(switch is not None and wait_for(lambda: checked(switch) or
                                               switch.getState().contains(pyatspi.STATE_PRESSED), 5),
               'Alt+A turns Anonymise on')
        key(app, DIALOG_TITLE, 'alt+e')
        tap.ok(window(app, 'Export Report', 10) is not None and
               wait_for(lambda: len([w for w in app.frames() if w.name == 'Export Report']) == 2, 10),
               'Alt+E opens the file chooser over the dialog')
        chooser_windows = x_windows(app, 'Export Report')
        subprocess.run(['xdotool', 'windowfocus', '--sync', chooser_windows[-1]], timeout=10)
        time.sleep(0.5)
        subprocess.run(['xdotool', 'key', 'Escape'], timeout=10, check=True)
        tap.ok(wait_for(lambda: len([w for w in app.frames() if w.name == 'Export Report']) == 1, 10),
               'Escape in the file chooser comes back to the dialog')

        # Export for real.
        target = os.path.join(out_dir, 'follow-up.md')
        key(app, DIALOG_TITLE, 'alt+e')
        tap.ok(wait_for(lambda: len([w for w in app.frames() if w.name == 'Export Report']) == 2, 10),
               'the file chooser opens again')
        time.sleep(0.8)
        chooser_windows = x_windows(app, 'Export Report')
        subprocess.run(['xdotool', 'windowfocus', '--sync', chooser_windows[-1]], timeout=10)
        subprocess.run(['xdotool', 'key', '--delay', '80', 'ctrl+l', 'ctrl+a'], timeout=10, check=True)
        subprocess.run(['xdotool', 'type', '--delay', '10', target], timeout=60, check=True)
        time.sleep(0.3)
        subprocess.run(['xdotool', 'key', 'Return'], timeout=10, check=True)
        tap.ok(gone(app, 'Export Report', 10), 'Return exports, and the dialog closes')
        tap.ok(wait_for(lambda: os.path.isfile(target), 10), f'the report is written: {target}')
        with open(target, encoding='utf-8') as f:
            text = f.read()
        tap.ok('Meridian Insurance' in text and 'Output monitoring' in text and '| Criterion |' in text,
               'the file is the Markdown report')
        tap.ok('Participant 1' in text and 'Helen' not in text and 'Okafor' not in text,
               'the report is anonymised')
        frame = window(app, SESSION_TITLE)
        tap.ok(wait_for(lambda: toast_text(frame, r'Report exported to “follow-up\.md”'), 10),
               'a toast says where the report went')
        leftovers = [n for n in os.listdir(out_dir) if n != 'follow-up.md']
        tap.ok(not leftovers, f'no temporary file is left beside it: {leftovers}')

        # Ctrl+P: the print dialog, cancelled with Escape.
        key(app, SESSION_TITLE, 'ctrl+p')
        printing = wait_for(lambda: next((w for w in app.frames() if w.name == 'Print'), None), 15)
        tap.ok(printing is not None, 'Ctrl+P opens the print dialog')
        time.sleep(0.5)
        key(app, 'Print', 'Escape')
        tap.ok(gone(app, 'Print', 10), 'Escape cancels printing')
        tap.ok(alive(app), 'the app lives on after printing is cancelled')
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
