#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The file life cycle end to end, in one run of the app, through the real GTK
# file chooser driven by the keyboard (Ctrl+L, a path, Return) and every
# dialog with its Cancel and Escape paths, asserting what a user would notice:
# the window title, the files on disk and their content, a toast.
#
#   win.open          the welcome page's “Open Session…”, Ctrl+O: Escape, Cancel, a file
#   could not open    a bad file: the alert names it; Escape, Close
#   unsaved changes   Ctrl+N, Ctrl+O, Ctrl+W with changes: Escape, Cancel, Discard, Save
#   win.save          Ctrl+S: writes the file, a toast, the unsaved mark goes
#   changed on disk   Ctrl+S after another program wrote the file: Escape,
#                     Cancel, Save As… (then Escape), Overwrite
#   win.save-as       Ctrl+Shift+S: Escape, Cancel, a new file
#   untitled save     Ctrl+S on a new session asks where
#   read-only file    the info bar's “Save As…”
#   win.close         Ctrl+W: Escape keeps the window, Save saves and closes it
#
# Usage: test_file_dialogs.py BUILD_ROOT SRC_ROOT

import json
import os
import shutil
import stat
import time

import apmm_e2e  # noqa: F401 -- first: it skips the test without pyatspi
import pyatspi

from apmm_e2e import (App, Sandbox, assessment_page, button, choose_file, click,
                      dialog_with_heading, find, is_pressed, roots, run, sha256, status_button,
                      text_of, touch_registry, wait_for, wait_for_toast)

WELCOME = 'APMM Workshop'
SUFFIX = ' — APMM Workshop'


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def rating(path, criterion_id):
    return load(path).get('ratings', {}).get(criterion_id, {}).get('status')


def titled(app, title, timeout=10):
    return app.window(name=title, timeout=timeout)


def rate(tap, app, frame, criterion):
    app.key(frame.name, 'alt+2')
    page = wait_for(lambda: assessment_page(frame), 10)
    met = wait_for(lambda: status_button(page, criterion), 10)
    tap.ok(met is not None, f'“{criterion}” has a Met button')
    if not is_pressed(met):
        click(met)
    tap.ok(wait_for(lambda: is_pressed(met) and frame.name.startswith('• '), 5),
           f'rating “{criterion}” Met marks the window unsaved: “{frame.name}”')


def chooser_escape_and_cancel(tap, app, frame, keys, chooser_title, folder):
    before = sorted(os.listdir(folder))
    title = frame.name
    app.key(title, keys)
    chooser = app.window(name=chooser_title, timeout=15)
    tap.ok(chooser is not None, f'{keys} opens “{chooser_title}”')
    time.sleep(0.5)
    app.key(chooser_title, 'Escape')
    tap.ok(app.gone(chooser_title), f'Escape closes “{chooser_title}”')
    app.key(title, keys)
    chooser = app.window(name=chooser_title, timeout=15)
    cancel = button(chooser, 'Cancel') if chooser is not None else None
    tap.ok(cancel is not None, f'{keys} again; the chooser has Cancel')
    click(cancel)
    tap.ok(app.gone(chooser_title), 'Cancel closes it')
    time.sleep(0.5)
    tap.ok(app.alive() and frame.name == title, f'the window is as it was: “{frame.name}”')
    tap.ok(sorted(os.listdir(folder)) == before, 'nothing was written')


def answer(tap, app, heading, how, what=''):
    """Answers the dialog with heading: how is 'Escape' (a key) or a button label."""
    dialog = dialog_with_heading(app, heading)
    tap.ok(dialog is not None, f'“{heading}” asks {what}')
    time.sleep(0.3)
    if how == 'Escape':
        app.key(dialog.name, 'Escape')
    else:
        target = button(dialog, how)
        tap.ok(target is not None, f'“{heading}” has “{how}”')
        click(target)
    tap.ok(app.gone(dialog.name), f'{how} closes “{heading}”')
    return dialog


def open_and_bad_files(tap, app, frame, sandbox):
    # The welcome page's button, Escape; Ctrl+O, Cancel; Ctrl+O, a file.
    open_button = find(frame, role=pyatspi.ROLE_PUSH_BUTTON, name_re='Open Session…$')
    tap.ok(open_button is not None, 'the welcome page has “Open Session…”')
    click(open_button)
    tap.ok(app.window(name='Open Session', timeout=15) is not None, 'it opens the “Open Session” chooser')
    time.sleep(0.5)
    app.key('Open Session', 'Escape')
    tap.ok(app.gone('Open Session') and app.alive(), 'Escape closes it; the app lives')
    chooser_escape_and_cancel(tap, app, frame, 'ctrl+o', 'Open Session', sandbox.dir)

    meridian = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
    app.key(WELCOME, 'ctrl+o')
    tap.ok(choose_file(app, 'Open Session', meridian), 'Ctrl+O, the Meridian file’s path, Return')
    frame = titled(app, 'Meridian Insurance' + SUFFIX)
    tap.ok(frame is not None, 'the session opens: its organisation is the window title')

    bad = os.path.join(sandbox.dir, 'not-a-session.apmm')
    for how in ('Escape', 'Close'):
        app.key(frame.name, 'ctrl+o')
        tap.ok(choose_file(app, 'Open Session', bad), f'Ctrl+O, a bad file ({how})')
        answer(tap, app, 'Could Not Open “not-a-session.apmm”', how, 'and names the file')
        tap.ok(app.alive() and frame.name == 'Meridian Insurance' + SUFFIX,
               f'the open session is untouched: “{frame.name}”')
    return frame


def unsaved_changes(tap, app, frame, sandbox):
    meridian = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
    checksum = sha256(meridian)
    rate(tap, app, frame, 'Output monitoring')

    for how in ('Escape', 'Cancel'):
        app.key(frame.name, 'ctrl+n')
        answer(tap, app, 'Save Changes?', how, 'before Ctrl+N replaces unsaved work')
        time.sleep(0.3)
        tap.ok(frame.name == '• Meridian Insurance' + SUFFIX, f'{how}: the unsaved session stays: “{frame.name}”')

    northwind = os.path.join(sandbox.dir, 'northwind-logistics.apmm')
    app.key(frame.name, 'ctrl+o')
    tap.ok(choose_file(app, 'Open Session', northwind), 'Ctrl+O, another file')
    answer(tap, app, 'Save Changes?', 'Discard', 'before it replaces unsaved work')
    frame = titled(app, 'Northwind Logistics' + SUFFIX)
    tap.ok(frame is not None, 'Discard: the other file opens')
    tap.ok(sha256(meridian) == checksum, 'and the discarded changes never reached the Meridian file')
    return frame


def save_and_changed_on_disk(tap, app, frame, sandbox):
    northwind = os.path.join(sandbox.dir, 'northwind-logistics.apmm')
    rate(tap, app, frame, 'Live on real data')
    app.key(frame.name, 'ctrl+s')
    toast = wait_for_toast(frame, 'Session saved')
    tap.ok(toast is not None, 'Ctrl+S saves, and a toast says so')
    tap.ok(wait_for(lambda: rating(northwind, 'l2.live-real-data') == 'met', 5),
           'the file has “Live on real data” met')
    tap.ok(wait_for(lambda: frame.name == 'Northwind Logistics' + SUFFIX, 5),
           f'the unsaved mark is gone: “{frame.name}”')

    # Another program writes the file; the window does not know.
    time.sleep(1.1)
    with open(northwind, 'a', encoding='utf-8') as f:
        f.write('\n')
    theirs = sha256(northwind)
    rate(tap, app, frame, 'Owned use case')

    for how in ('Escape', 'Cancel'):
        app.key(frame.name, 'ctrl+s')
        answer(tap, app, 'File Changed on Disk', how, 'instead of overwriting the other program’s change')
        time.sleep(0.3)
        tap.ok(sha256(northwind) == theirs and frame.name.startswith('• '),
               f'{how}: their file is untouched, our changes still unsaved')

    app.key(frame.name, 'ctrl+s')
    answer(tap, app, 'File Changed on Disk', 'Save As…', 'again')
    tap.ok(app.window(name='Save Session', timeout=15) is not None, '“Save As…” opens the “Save Session” chooser')
    time.sleep(0.5)
    app.key('Save Session', 'Escape')
    tap.ok(app.gone('Save Session'), 'Escape closes it')
    tap.ok(sha256(northwind) == theirs and frame.name.startswith('• '), 'nothing was saved')

    app.key(frame.name, 'ctrl+s')
    answer(tap, app, 'File Changed on Disk', 'Overwrite', 'once more')
    tap.ok(wait_for(lambda: rating(northwind, 'l2.owned-use-case') == 'met', 5),
           'Overwrite: the file has our change')
    tap.ok(wait_for(lambda: not frame.name.startswith('• '), 5), f'and the window is saved: “{frame.name}”')


def save_as(tap, app, frame, sandbox):
    northwind = os.path.join(sandbox.dir, 'northwind-logistics.apmm')
    chooser_escape_and_cancel(tap, app, frame, 'ctrl+shift+s', 'Save Session', sandbox.dir)
    copy = os.path.join(sandbox.dir, 'saved', 'northwind copy.apmm')
    app.key(frame.name, 'ctrl+shift+s')
    tap.ok(choose_file(app, 'Save Session', copy), 'Ctrl+Shift+S, a new path, Return')
    tap.ok(wait_for(lambda: os.path.exists(copy), 10), 'the new file exists')
    tap.ok(load(copy).get('organisation') == 'Northwind Logistics', 'it holds the session')
    tap.ok(wait_for_toast(frame, 'Session saved') is not None, 'a toast says so')

    # The window now writes to the copy, not to the old file.
    before = sha256(northwind)
    rate(tap, app, frame, 'Adoption measured')
    app.key(frame.name, 'ctrl+s')
    tap.ok(wait_for(lambda: rating(copy, 'l2.adoption-measured') == 'met', 10),
           'Ctrl+S now saves to the new file')
    tap.ok(sha256(northwind) == before, 'and leaves the old one alone')


def untitled_and_read_only(tap, app, frame, sandbox):
    app.key(frame.name, 'ctrl+n')
    frame = titled(app, 'Untitled Session' + SUFFIX)
    tap.ok(frame is not None, 'Ctrl+N without changes opens a new session at once')
    rate(tap, app, frame, 'Tools purchased')
    app.key(frame.name, 'ctrl+s')
    chooser = app.window(name='Save Session', timeout=15)
    name = find(chooser, role=pyatspi.ROLE_TEXT, name='Name:') if chooser else None
    suggested = wait_for(lambda: text_of(name), 5) if name is not None else None
    tap.ok(suggested == 'Untitled Session.apmm', f'Ctrl+S on a new session asks where, suggesting “{suggested}”')
    new = os.path.join(sandbox.dir, 'saved', 'new.apmm')
    tap.ok(choose_file(app, 'Save Session', new), 'a path, Return')
    tap.ok(wait_for(lambda: rating(new, 'l1.tools-purchased') == 'met', 10), 'the new file has the rating')
    tap.ok(wait_for(lambda: frame.name == 'Untitled Session' + SUFFIX, 5), f'the window is saved: “{frame.name}”')

    read_only = os.path.join(sandbox.dir, 'halcyon-health.apmm')
    os.chmod(read_only, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    app.key(frame.name, 'ctrl+o')
    tap.ok(choose_file(app, 'Open Session', read_only), 'Ctrl+O, a read-only file')
    frame = titled(app, 'Halcyon Health' + SUFFIX)
    tap.ok(frame is not None, 'it opens')
    bar = wait_for(lambda: find(frame, role=pyatspi.ROLE_LABEL, name_re='is read-only'), 10)
    tap.ok(bar is not None, f'a bar says it is read-only: “{bar.name if bar else ""}”')
    save_as_button = button(bar.parent.parent, 'Save As…') if bar is not None else None
    tap.ok(save_as_button is not None, 'the bar offers “Save As…”')
    click(save_as_button)
    writable = os.path.join(sandbox.dir, 'saved', 'halcyon.apmm')
    tap.ok(choose_file(app, 'Save Session', writable), 'it opens the chooser; a path, Return')
    tap.ok(wait_for(lambda: os.path.exists(writable), 10), 'a writable copy exists')
    return frame, writable


def close_window(tap, app, frame, path):
    rate(tap, app, frame, 'AI in core operations')
    app.key(frame.name, 'ctrl+w')
    answer(tap, app, 'Save Changes?', 'Escape', 'before Ctrl+W closes unsaved work')
    time.sleep(0.5)
    tap.ok(app.alive() and frame.name.startswith('• '), 'Escape: the window stays, still unsaved')
    app.key(frame.name, 'ctrl+w')
    answer(tap, app, 'Save Changes?', 'Save', 'again')
    tap.ok(wait_for(lambda: rating(path, 'l4.core-operations') == 'met', 10),
           'Save: the change goes to the copy made from the read-only file')
    tap.ok(wait_for(lambda: app.proc.poll() is not None, 10), 'and the window closed; it was the last, so the app ended')
    if app.proc.returncode != 0:
        app.alive()  # prints how it ended
    tap.ok(app.proc.returncode == 0, f'with status 0 ({app.proc.returncode})')


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        for name in ('meridian-insurance', 'northwind-logistics', 'halcyon-health'):
            shutil.copy(os.path.join(src_root, 'data', 'examples', name + '.apmm'), sandbox.dir)
        shutil.copy(os.path.join(src_root, 'tests', 'data', 'bad', 'array-root.apmm'),
                    os.path.join(sandbox.dir, 'not-a-session.apmm'))
        os.mkdir(os.path.join(sandbox.dir, 'saved'))

        touch_registry()
        app = App(build_root, sandbox, [], tap=tap)
        frame = app.window(name=WELCOME, timeout=15)
        tap.ok(frame is not None, 'the app starts on the welcome view')

        frame = open_and_bad_files(tap, app, frame, sandbox)
        frame = unsaved_changes(tap, app, frame, sandbox)
        save_and_changed_on_disk(tap, app, frame, sandbox)
        save_as(tap, app, frame, sandbox)
        frame, path = untitled_and_read_only(tap, app, frame, sandbox)
        warnings = app.warnings()
        tap.ok(not warnings, 'the app printed no warning: ' + ' | '.join(warnings))
        close_window(tap, app, frame, path)
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
