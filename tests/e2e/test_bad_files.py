#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every bad-input category, end to end through AT-SPI: with the app running,
# each bad file is opened from the command line (which hands it to the running
# instance, as the file manager does). An alert must appear that names the
# file and gives the same reason as `apmm-workshop --validate`; after closing
# it the welcome view is still there. At the end a good session opens, and a
# bad file opened next to it leaves that session alone.
#
# Usage: test_bad_files.py BUILD_ROOT SRC_ROOT

import glob
import os
import shutil
import subprocess

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import (App, Sandbox, click, find, roots, run, sha256, touch_registry,
                      visible_walk, wait_for)


def validate_reasons(app_binary, env, paths):
    """{path: reason} from the command line's --validate."""
    result = subprocess.run([app_binary, '--validate'] + paths, env=env, capture_output=True,
                            text=True, timeout=30)
    reasons = {}
    for line in (result.stdout + result.stderr).splitlines():
        for path in paths:
            if line.startswith(path + ': '):
                reasons[path] = line[len(path) + 2:]
    return reasons


def error_dialogs(app):
    found = []
    for window in app.frames():
        if window.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT) and \
           (window.name or '').startswith('Could Not Open'):
            found.append(window)
    return found


def dialog_text(dialog):
    return [n.name for n in visible_walk(dialog) if n.getRole() == pyatspi.ROLE_LABEL]


def open_remote(app, path):
    """`apmm-workshop FILE` while the app runs: the file goes to it over D-Bus."""
    subprocess.run([app.binary, path], env=app.sandbox.env, timeout=30,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def close_dialog(tap, app, dialog, name):
    button = find(dialog, role=pyatspi.ROLE_PUSH_BUTTON, name_re=r'Close')
    tap.ok(button is not None, f'{name}: the alert has a Close button')
    click(button)
    tap.ok(wait_for(lambda: not error_dialogs(app), 5), f'{name}: the alert closes')


def check_bad_file(tap, app, path, reason):
    name = os.path.basename(path)
    open_remote(app, path)
    dialogs = wait_for(lambda: error_dialogs(app), 10)
    tap.ok(dialogs and len(dialogs) == 1, f'{name}: one alert appears')
    dialog = dialogs[0]
    tap.ok(dialog.name == f'Could Not Open “{name}”', f'{name}: the alert names the file: “{dialog.name}”')
    texts = dialog_text(dialog)
    tap.ok(reason is not None and any(reason in t for t in texts),
           f'{name}: the alert gives the reason “{reason}”')
    close_dialog(tap, app, dialog, name)


def welcome_shown(app):
    frame = app.main_frame()
    return frame is not None and frame.name == 'APMM Workshop' and \
        find(frame, role=pyatspi.ROLE_PUSH_BUTTON, name_re='New Session') is not None


def extra_cases(sandbox):
    """Bad inputs that are not files in tests/data/bad: too big, a folder,
    missing."""
    huge = os.path.join(sandbox.dir, 'huge.apmm')
    with open(huge, 'wb') as f:
        f.write(b'{"format": "apmm-session", "notes": "')
        f.write(b'x' * (16 * 1024 * 1024))
        f.write(b'"}\n')
    folder = os.path.join(sandbox.dir, 'folder.apmm')
    os.mkdir(folder)
    missing = os.path.join(sandbox.dir, 'missing.apmm')
    return [huge, folder, missing]


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        # Copies, so that nothing can touch the source tree.
        bad_dir = os.path.join(sandbox.dir, 'bad')
        shutil.copytree(os.path.join(src_root, 'tests', 'data', 'bad'), bad_dir)
        paths = sorted(glob.glob(os.path.join(bad_dir, '*.apmm'))) + extra_cases(sandbox)
        checksums = {p: sha256(p) for p in paths if os.path.isfile(p)}

        binary = os.path.join(build_root, 'src', 'apmm-workshop')
        reasons = validate_reasons(binary, sandbox.env, paths)
        tap.ok(len(reasons) == len(paths), f'--validate refuses all {len(paths)} bad inputs')

        touch_registry()
        app = App(build_root, sandbox, [], tap=tap)
        tap.ok(wait_for(lambda: welcome_shown(app), 10), 'the app starts on the welcome view')

        for path in paths:
            check_bad_file(tap, app, path, reasons.get(path))
            tap.ok(wait_for(lambda: welcome_shown(app), 5),
                   f'{os.path.basename(path)}: the welcome view is still there')
        tap.ok(all(sha256(p) == c for p, c in checksums.items()), 'no bad file was changed')

        # Still usable: a good session opens, and a bad file leaves it alone.
        good = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), good)
        open_remote(app, good)
        session = wait_for(lambda: next((f for f in app.frames()
                                         if f.name.startswith('Meridian Insurance')), None), 10)
        tap.ok(session is not None, 'after all that, a good session opens')

        newer = os.path.join(bad_dir, 'newer-version.apmm')
        check_bad_file(tap, app, newer, reasons.get(newer))
        tap.note('windows now: ' + ', '.join(f'“{f.name}”' for f in app.frames()))
        empty = [f for f in app.frames()
                 if f.name == 'APMM Workshop' and f.getRole() == pyatspi.ROLE_FRAME]
        tap.ok(not empty, 'a bad file opens no empty window of its own')
        tap.ok(session.name == 'Meridian Insurance — APMM Workshop',
               f'the open session is unchanged and not marked unsaved: “{session.name}”')
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
