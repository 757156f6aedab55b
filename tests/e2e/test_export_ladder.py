#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Export Ladder end to end, with the keyboard, through the real GTK file
# chooser (issue 9: it crashed the app on Export and on Cancel while every
# other test passed). The action is win.export-ladder (Ctrl+E, the main menu's
# “Export Ladder…”). On a copy of the Meridian example:
#
#   Ctrl+E, Escape             the chooser closes, the app lives, nothing is written
#   Ctrl+E, Cancel             the same through the chooser's Cancel button
#   Ctrl+E, Ctrl+L, a .png     the app lives, a whole PNG of the default size, a toast says so
#   main menu “Export Ladder…”, a .svg    an SVG document
#   Ctrl+E, a .pdf             a PDF poppler can read, with the ladder's text
#
# and at the end the session is neither changed nor marked unsaved.
#
# Usage: test_export_ladder.py BUILD_ROOT SRC_ROOT

import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import (App, Sandbox, button, choose_file, click, find, open_main_menu, png_size,
                      roots, run, sha256, text_of, toasts, touch_registry, wait_for,
                      wait_for_toast)

TITLE = 'Meridian Insurance — APMM Workshop'
CHOOSER = 'Export Ladder'


def files_in(folder):
    return sorted(n for n in os.listdir(folder) if not n.startswith('.'))


def still_fine(tap, app, frame, step):
    tap.ok(app.alive(), f'{step}: the app is still running')
    tap.ok(app.gone(CHOOSER, 10), f'{step}: the chooser is gone')
    tap.ok(frame.name == TITLE, f'{step}: the window is still there and unchanged: “{frame.name}”')


def cancel_paths(tap, app, frame, sandbox):
    before = files_in(sandbox.dir)

    app.key(TITLE, 'ctrl+e')
    chooser = app.window(name=CHOOSER, timeout=15)
    tap.ok(chooser is not None, 'Ctrl+E opens the “Export Ladder” file chooser')
    name = find(chooser, role=pyatspi.ROLE_TEXT, name='Name:')
    suggested = text_of(name) if name is not None else None
    tap.ok(suggested == 'Meridian Insurance ladder.png',
           f'it suggests a file name after the organisation: “{suggested}”')
    time.sleep(0.5)
    app.key(CHOOSER, 'Escape')
    still_fine(tap, app, frame, 'Escape')
    time.sleep(1.0)
    tap.ok(app.alive(), 'Escape: the app is still running a second later')
    tap.ok(files_in(sandbox.dir) == before, 'Escape: no file was written')
    tap.ok(not any('xport' in t for t in toasts(frame)), 'Escape: no toast claims an export')

    app.key(TITLE, 'ctrl+e')
    chooser = app.window(name=CHOOSER, timeout=15)
    tap.ok(chooser is not None, 'Ctrl+E opens the chooser again')
    cancel = button(chooser, 'Cancel')
    tap.ok(cancel is not None, 'the chooser has a Cancel button')
    click(cancel)
    still_fine(tap, app, frame, 'Cancel')
    time.sleep(1.0)
    tap.ok(app.alive(), 'Cancel: the app is still running a second later')
    tap.ok(files_in(sandbox.dir) == before, 'Cancel: no file was written')


def export_png(tap, app, frame, sandbox):
    path = os.path.join(sandbox.dir, 'exports', 'room ladder.png')
    app.key(TITLE, 'ctrl+e')
    tap.ok(choose_file(app, CHOOSER, path), 'Ctrl+E, Ctrl+L, a path, Return: the chooser closes')
    tap.ok(wait_for(lambda: os.path.exists(path), 15), f'the PNG exists: {path}')
    toast = wait_for_toast(frame, 'Ladder exported', 10)
    tap.ok(toast == 'Ladder exported to “room ladder.png”', f'a toast says so: “{toast}”')
    tap.ok(app.alive(), 'the app is still running after the export')
    size = wait_for(lambda: png_size(path), 10)
    tap.ok(size == (1920, 1080), f'the file is a whole PNG, 1920×1080 ({size})')


def export_svg(tap, app, frame, sandbox):
    path = os.path.join(sandbox.dir, 'exports', 'ladder.svg')
    items = open_main_menu(app, frame, 'Export Ladder…')
    tap.ok(items is not None, 'F10 opens the main menu, which has “Export Ladder…”')
    click(items['Export Ladder…'])
    tap.ok(choose_file(app, CHOOSER, path), 'the menu item opens the chooser; a .svg path is typed')
    tap.ok(wait_for(lambda: os.path.exists(path), 15), f'the SVG exists: {path}')
    toast = wait_for_toast(frame, 'ladder.svg', 10)
    tap.ok(toast is not None, f'a toast names it: “{toast}”')
    root = wait_for(lambda: ET.parse(path).getroot(), 10)
    tap.ok(root is not None and root.tag.endswith('svg'), 'the file is an SVG document')
    texts = ' '.join(t for t in root.itertext())
    tap.ok('AI Active' in texts or os.path.getsize(path) > 10000,
           'the SVG holds the drawing (its text or its paths)')


def export_pdf(tap, app, frame, sandbox):
    path = os.path.join(sandbox.dir, 'exports', 'ladder.pdf')
    app.key(TITLE, 'ctrl+e')
    tap.ok(choose_file(app, CHOOSER, path), 'Ctrl+E again; a .pdf path is typed')
    tap.ok(wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, 15),
           f'the PDF exists: {path}')
    toast = wait_for_toast(frame, 'ladder.pdf', 10)
    tap.ok(toast is not None, f'a toast names it: “{toast}”')
    with open(path, 'rb') as f:
        data = f.read()
    tap.ok(data.startswith(b'%PDF-') and b'%%EOF' in data[-64:], 'the file is a whole PDF')
    if shutil.which('pdftotext'):
        text = subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True,
                              timeout=30).stdout
        tap.ok('AI Active' in text, 'poppler reads the ladder’s text from it (“AI Active”)')


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        path = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), path)
        os.mkdir(os.path.join(sandbox.dir, 'exports'))
        checksum = sha256(path)

        touch_registry()
        app = App(build_root, sandbox, [path], tap=tap)
        frame = app.window(name=TITLE, timeout=15)
        tap.ok(frame is not None, f'the app shows the session: “{TITLE}”')

        cancel_paths(tap, app, frame, sandbox)
        export_png(tap, app, frame, sandbox)
        export_svg(tap, app, frame, sandbox)
        export_pdf(tap, app, frame, sandbox)

        tap.ok(sha256(path) == checksum, 'exporting did not touch the session file')
        tap.ok(frame.name == TITLE, f'nor mark the session unsaved: “{frame.name}”')
        tap.ok(app.alive(), 'the app is still running at the end')
        warnings = app.warnings()
        tap.ok(not warnings, 'the app printed no warning: ' + ' | '.join(warnings))
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
