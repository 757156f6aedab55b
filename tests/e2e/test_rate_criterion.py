#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, through AT-SPI, as a user would: open the Meridian example, go
# to the Self-Assessment page, read the evidence level in the result strip
# (2: every level 1 and 2 criterion is met), rate every level 3 criterion Met
# and see the evidence level become 3, with the window marked unsaved. The
# example file itself is never written.
#
# Usage: test_rate_criterion.py BUILD_ROOT SRC_ROOT

import os
import shutil

from apmm_e2e import (App, Sandbox, assessment_page, click, criteria_by_level, evidence_level,
                      is_pressed, level_number, result_strip, roots, run, sha256, show_page,
                      touch_registry, wait_for)


def main(tap):
    build_root, src_root = roots()
    sandbox = Sandbox(build_root)
    app = None
    try:
        # A copy, so that nothing the test does can touch the source tree.
        path = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), path)
        checksum = sha256(path)

        touch_registry()
        app = App(build_root, sandbox, [path], tap=tap)
        tap.note(f'app {app.proc.pid} on the accessibility bus')

        frame = wait_for(app.main_frame, 10)
        tap.ok(frame is not None, 'the app shows a window')
        tap.ok(wait_for(lambda: frame.name.startswith('Meridian Insurance'), 10),
               f'the window title names the organisation: “{frame.name}”')

        tap.ok(show_page(frame, 'Self-Assessment'), 'the view switcher opens the Self-Assessment page')

        strip = wait_for(lambda: result_strip(frame), 10)
        tap.ok(strip is not None, 'the page has a result strip (a status bar)')
        page = assessment_page(frame)

        before = wait_for(lambda: evidence_level(strip), 10)
        tap.ok(level_number(before) == 2, f'the result strip shows evidence level 2: “{before}”')

        groups = criteria_by_level(page)
        tap.note('criteria per level: ' + ', '.join(f'{k}: {len(v)}' for k, v in sorted(groups.items())))
        tap.ok(groups.get(1) and groups.get(2) and
               all(is_pressed(b) for lvl in (1, 2) for b in groups[lvl].values()),
               'every level 1 and level 2 criterion shows Met')
        level3 = groups.get(3, {})
        tap.ok(len(level3) == 7, f'the checklist lists the seven level 3 criteria ({len(level3)} found)')

        unmet = [title for title, button in level3.items() if not is_pressed(button)]
        tap.ok(len(unmet) > 0, f'some level 3 criteria are not met yet: {", ".join(unmet)}')

        # Rate them one by one; the level must hold at 2 until the last one.
        for i, title in enumerate(unmet):
            click(level3[title])
            tap.ok(wait_for(lambda: is_pressed(level3[title]), 5), f'“Met” is now pressed for “{title}”')
            if i + 1 < len(unmet):
                level = evidence_level(strip)
                tap.ok(level_number(level) == 2,
                       f'with {len(unmet) - i - 1} level 3 criteria still open the evidence stays at 2')

        after = wait_for(lambda: level_number(evidence_level(strip)) == 3 and evidence_level(strip), 5)
        tap.ok(after, f'the result strip now shows evidence level 3: “{after}”')
        tap.ok(wait_for(lambda: frame.name.startswith('• '), 5),
               f'the window title marks unsaved changes: “{frame.name}”')
        tap.ok(sha256(path) == checksum, 'the session file on disk is unchanged')
    finally:
        if app is not None:
            app.kill()
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
