#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Crash recovery end to end, through AT-SPI: start the app on a copy of an
# example with a one-second autosave delay, rate a criterion, wait for the
# draft, kill the app with SIGKILL, start it again without a file, accept
# "Recover Unsaved Work?" and find the change back, unsaved, while the file on
# disk has never changed. Saving then writes the change to the file and
# removes the draft.
#
# The settings come from GLib's keyfile backend in the private config folder:
# the memory backend used elsewhere cannot be preset from outside.
#
# Usage: test_crash_recovery.py BUILD_ROOT SRC_ROOT

import configparser
import json
import os
import shutil
import time

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import (App, Sandbox, assessment_page, click, evidence_level, find, is_pressed,
                      level_number, result_strip, roots, run, sha256, show_page, status_button,
                      touch_registry, visible_walk, wait_for)

AUTOSAVE_KEYFILE = '[org/apmm/Workshop]\nautosave-delay=1\n'
CRITERION = 'Output monitoring'
CRITERION_ID = 'l3.output-monitoring'


def rate_criterion(tap, frame):
    tap.ok(show_page(frame, 'Self-Assessment'), 'the view switcher opens the Self-Assessment page')
    page = wait_for(lambda: assessment_page(frame), 10)
    tap.ok(page is not None, 'the Self-Assessment page is in the tree')
    met = status_button(page, CRITERION)
    tap.ok(met is not None and not is_pressed(met), f'“{CRITERION}” is not rated Met yet')
    click(met)
    tap.ok(wait_for(lambda: is_pressed(met), 5), f'“Met” is now pressed for “{CRITERION}”')


def wait_for_draft(tap, sandbox, path):
    start = time.monotonic()
    drafts = wait_for(sandbox.drafts, 15)
    elapsed = time.monotonic() - start
    tap.ok(drafts, f'a draft appeared in {sandbox.drafts_dir} after {elapsed:.1f} s: {drafts}')
    # The schema's default is 5 s: a draft this early shows that the keyfile
    # setting reached the app.
    tap.ok(elapsed < 4.5, f'the draft came after the 1 s autosave delay of the keyfile ({elapsed:.1f} s)')
    info = configparser.ConfigParser(interpolation=None)
    info.read(os.path.join(sandbox.drafts_dir, drafts[0][:-len('.apmm')] + '.info'))
    origin = info.get('Draft', 'Origin', fallback=None)
    tap.ok(origin == 'file://' + path, f'the draft remembers the session file: {origin}')


def find_recovery_dialog(app):
    for window in app.frames():
        if find(window, role=pyatspi.ROLE_LABEL, name='Recover Unsaved Work?') is not None:
            return window
    return None


def recover(tap, app):
    dialog = wait_for(lambda: find_recovery_dialog(app), 15)
    tap.ok(dialog is not None, 'the app offers “Recover Unsaved Work?” at start')
    tap.note(f'the offer is a {dialog.getRoleName()} named “{dialog.name}”')
    body = [n.name for n in visible_walk(dialog) if n.getRole() == pyatspi.ROLE_LABEL]
    tap.ok(any('Meridian Insurance' in text and 'meridian-insurance.apmm' in text for text in body),
           'the offer names the session and its file')
    button = find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name_re=r'Recover')
    tap.ok(button is not None, f'the offer has a Recover button (“{button.name if button else ""}”)')
    click(button)


def save_and_check(tap, sandbox, frame, path, checksum):
    """Save (the window's win.save action, as Ctrl+S): the etag taken from
    the file at recovery still matches, so it saves without asking."""
    action = frame.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    tap.ok('win.save' in names, 'the window offers its Save action')
    action.doAction(names.index('win.save'))
    tap.ok(wait_for(lambda: sha256(path) != checksum, 10), 'saving writes the session file')
    with open(path, encoding='utf-8') as f:
        saved = json.load(f)
    status = saved.get('ratings', {}).get(CRITERION_ID, {}).get('status')
    tap.ok(status == 'met', f'the saved file has “{CRITERION}” met ({status})')
    tap.ok(wait_for(lambda: not frame.name.startswith('• '), 5),
           f'the window title drops the unsaved mark: “{frame.name}”')
    tap.ok(wait_for(lambda: sandbox.drafts() == [], 5), 'the draft is removed after the save')
    left = [n for n in os.listdir(os.path.dirname(path)) if n.startswith('.goutputstream-')]
    tap.ok(left == [], f'a completed save leaves no temporary file beside the session ({left})')


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root, settings_backend='keyfile', keyfile=AUTOSAVE_KEYFILE)
    app = None
    try:
        path = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), path)
        checksum = sha256(path)

        touch_registry()
        app = App(build_root, sandbox, [path], tap=tap)
        frame = wait_for(app.main_frame, 10)
        tap.ok(frame is not None and frame.name.startswith('Meridian Insurance'),
               f'the app opened the session: “{frame.name if frame else ""}”')
        tap.ok(sandbox.drafts() == [], 'no draft before any change')

        rate_criterion(tap, frame)
        tap.ok(wait_for(lambda: frame.name.startswith('• '), 5),
               f'the window title marks unsaved changes: “{frame.name}”')
        wait_for_draft(tap, sandbox, path)

        app.kill()
        tap.ok(app.proc.returncode == -9, 'the app was killed with SIGKILL')
        tap.ok(sha256(path) == checksum, 'the session file on disk is unchanged after the crash')
        tap.ok(len(sandbox.drafts()) == 1, 'the draft survived the crash')

        app = App(build_root, sandbox, [], tap=tap)
        recover(tap, app)

        frame = wait_for(lambda: (lambda f: f if f is not None and 'Meridian' in f.name else None)(
            app.main_frame()), 10)
        tap.ok(frame is not None and frame.name.startswith('• Meridian Insurance'),
               f'the recovered session is open and unsaved: “{frame.name if frame else ""}”')
        tap.ok(show_page(frame, 'Self-Assessment'), 'the view switcher opens the Self-Assessment page')
        page = wait_for(lambda: assessment_page(frame), 10)
        met = status_button(page, CRITERION)
        tap.ok(met is not None and is_pressed(met), f'“{CRITERION}” is rated Met again')
        level = evidence_level(result_strip(frame))
        tap.ok(level_number(level) == 2, f'the evidence level is computed from the draft: “{level}”')
        tap.ok(sha256(path) == checksum, 'the session file on disk is still unchanged')

        save_and_check(tap, sandbox, frame, path, checksum)
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
