#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, through AT-SPI: a session whose evidence note for a level 2
# criterion is 20,000 characters long opens on the Level Explorer at level
# 2. The criterion's row shows the start of the note, not its end; “Show
# Whole Note” opens the whole of it, read-only; Escape closes it again.
#
# Usage: test_long_note.py BUILD_ROOT SRC_ROOT

import json
import os

import pyatspi

from apmm_e2e import App, Sandbox, click, find, roots, run, text_of, touch_registry, visible_walk, wait_for

CRITERION = 'l2.live-real-data'
END = 'END-OF-NOTE'


def shown_texts(frame):
    return [text_of(n) or '' for n in visible_walk(frame) if n.getRole() == pyatspi.ROLE_LABEL]


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        with open(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), encoding='utf-8') as f:
            session = json.load(f)
        note = 'Triage runs on live claims' + ' and every score is logged' * 770 + ' ' + END
        session['ratings'][CRITERION]['note'] = note
        path = os.path.join(sandbox.dir, 'long-note.apmm')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(session, f, ensure_ascii=False)

        touch_registry()
        app = App(build_root, sandbox, [path], tap=tap)
        frame = wait_for(app.main_frame, 10)
        tap.ok(frame is not None and wait_for(lambda: frame.name.startswith('Meridian Insurance'), 10),
               'the app opens the session')

        start = wait_for(lambda: next((t for t in shown_texts(frame) if t.startswith('Triage runs on live claims')),
                                      None), 10)
        tap.ok(start is not None, 'the Level Explorer shows the start of the long note')
        tap.ok(start is not None and len(start) <= 281 and start.endswith('…'),
               f'as a glance of {len(start or "")} characters ending in “…”')
        tap.ok(not any(END in t for t in shown_texts(frame)), 'the end of the note is not laid out on the page')

        more = find(frame, name='Show Whole Note')
        tap.ok(more is not None, 'the row offers “Show Whole Note”')
        click(more)
        view = wait_for(lambda: find(frame, role=pyatspi.ROLE_TEXT, name='Evidence note'), 10)
        whole = text_of(view) if view is not None else ''
        tap.ok(view is not None and whole == note, 'it opens the whole note, all 20,000 characters')
        tap.ok(view is not None and not view.getState().contains(pyatspi.STATE_EDITABLE),
               'read-only: the note is edited on the Self-Assessment page')

        app.key(frame.name, 'Escape')
        tap.ok(wait_for(lambda: find(frame, role=pyatspi.ROLE_TEXT, name='Evidence note') is None, 10),
               'Escape closes it')
        tap.ok(not app.warnings(), 'no warnings: ' + '; '.join(app.warnings()))
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
