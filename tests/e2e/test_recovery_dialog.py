#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# “Recover Unsaved Work?” and its other answers, end to end (Recover itself
# is test_crash_recovery.py): after a crash that left a draft, starting the
# app offers it;
#
#   Escape      the offer closes, the welcome view stays, the draft is kept
#               (and the welcome page's Recent Sessions opens the file)
#   Not Now     the same, through the button
#   Discard     the draft is gone, and the next start offers nothing
#
# Usage: test_recovery_dialog.py BUILD_ROOT SRC_ROOT

import os
import shutil
import time

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import (App, Sandbox, assessment_page, button, click, dialog_with_heading, find,
                      is_pressed, roots, run, sha256, status_button, touch_registry, wait_for)

AUTOSAVE_KEYFILE = '[org/apmm/Workshop]\nautosave-delay=1\n'
HEADING = 'Recover Unsaved Work?'
WELCOME = 'APMM Workshop'


def crash_with_draft(tap, build_root, sandbox, path):
    app = App(build_root, sandbox, [path], tap=tap)
    try:
        frame = app.window(name='Meridian Insurance — APMM Workshop', timeout=15)
        tap.ok(frame is not None, 'the app opens the session')
        app.key(frame.name, 'alt+2')
        page = wait_for(lambda: assessment_page(frame), 10)
        met = wait_for(lambda: status_button(page, 'Output monitoring'), 10)
        click(met)
        tap.ok(wait_for(lambda: is_pressed(met), 5), 'a criterion is rated')
        tap.ok(wait_for(sandbox.drafts, 15), f'a draft is written: {sandbox.drafts()}')
    finally:
        app.kill()
    tap.ok(len(sandbox.drafts()) == 1, 'the app was killed; its draft is left')


def start_and_answer(tap, build_root, sandbox, how):
    app = App(build_root, sandbox, [], tap=tap)
    dialog = dialog_with_heading(app, HEADING, 15)
    tap.ok(dialog is not None, f'the next start offers “{HEADING}”')
    time.sleep(0.3)
    if how == 'Escape':
        app.key(dialog.name, 'Escape')
    else:
        target = button(dialog, how)
        tap.ok(target is not None, f'the offer has “{how}”')
        click(target)
    tap.ok(wait_for(lambda: dialog_with_heading(app, HEADING, 0) is None, 10), f'{how} closes the offer')
    time.sleep(0.5)
    frame = app.window(name=WELCOME, timeout=5)
    tap.ok(app.alive() and frame is not None, f'{how}: the app lives, on the welcome view')
    return app, frame


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root, settings_backend='keyfile', keyfile=AUTOSAVE_KEYFILE)
    app = None
    try:
        path = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), path)
        checksum = sha256(path)
        touch_registry()
        crash_with_draft(tap, build_root, sandbox, path)

        app, frame = start_and_answer(tap, build_root, sandbox, 'Escape')
        tap.ok(len(sandbox.drafts()) == 1, 'Escape keeps the draft')
        # The welcome page lists the file opened before the crash.
        row = wait_for(lambda: find(frame, role=pyatspi.ROLE_LIST_ITEM, name_re='meridian-insurance'), 10)
        tap.ok(row is not None, f'“Recent Sessions” lists the file: “{row.name if row else ""}”')
        # A list row has no AT-SPI action in GTK 4.8: click it.
        app.click_at(frame.name, row)
        tap.ok(app.window(name='Meridian Insurance — APMM Workshop', timeout=10) is not None,
               'clicking the row opens it, unchanged')
        app.kill()

        app, frame = start_and_answer(tap, build_root, sandbox, 'Not Now')
        tap.ok(len(sandbox.drafts()) == 1, 'Not Now keeps the draft')
        app.kill()

        app, frame = start_and_answer(tap, build_root, sandbox, 'Discard')
        tap.ok(wait_for(lambda: sandbox.drafts() == [], 5), 'Discard removes the draft')
        tap.ok(sha256(path) == checksum, 'the session file was never touched')
        warnings = app.warnings()
        tap.ok(not warnings, 'the app printed no warning: ' + ' | '.join(warnings))
        app.kill()

        app = App(build_root, sandbox, [], tap=tap)
        tap.ok(app.window(name=WELCOME, timeout=15) is not None, 'the next start shows the welcome view')
        time.sleep(2)
        tap.ok(dialog_with_heading(app, HEADING, 0) is None, 'and offers nothing to recover')
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
