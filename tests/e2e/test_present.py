#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, with the keyboard a facilitator's clicker sends (xdotool) and
# the accessible tree read as a screen reader would: open the Meridian
# example on the Self-Assessment page, press F5 and see the slides full
# screen, move with the clicker's keys, jump by number, blank with B, rate a
# criterion in the main window while presenting and see the wall change,
# leave with Escape back on the same page; then Shift+F5, the "Present" menu
# item, F11 (win.fullscreen) and the zoom keys.
#
# Usage: test_present.py BUILD_ROOT SRC_ROOT

import os
import shutil
import subprocess

import pyatspi

from apmm_e2e import (App, Sandbox, assessment_page, click, criteria_by_level, find, is_pressed,
                      roots, run, show_page, touch_registry, wait_for)

def key(*names):
    subprocess.run(['xdotool', 'key', '--delay', '60'] + list(names), check=True)


def frames_named(app, prefix):
    return [f for f in app.frames() if f.getRole() == pyatspi.ROLE_FRAME and (f.name or '').startswith(prefix)]


def audience(app):
    """The audience window's frame (its title names the slide or the blank screen)."""
    for prefix in ('Slide ', 'Black screen', 'White screen'):
        found = frames_named(app, prefix)
        if found:
            return found[0]
    return None


def audience_active(app):
    """The slides have the keyboard focus: the clicker's keys reach them."""
    frame = audience(app)
    return frame is not None and frame.getState().contains(pyatspi.STATE_ACTIVE)


def audience_title(app):
    frame = audience(app)
    return frame.name if frame is not None else None


def slide_words(app):
    frame = audience(app)
    image = find(frame, role=pyatspi.ROLE_IMAGE) if frame is not None else None
    return image.name if image is not None else ''


def screen_size():
    out = subprocess.run(['xdotool', 'getdisplaygeometry'], check=True, capture_output=True, text=True)
    width, height = out.stdout.split()
    return int(width), int(height)


def window_size(name):
    ids = subprocess.run(['xdotool', 'search', '--name', name], capture_output=True, text=True).stdout.split()
    if not ids:
        return None
    out = subprocess.run(['xdotool', 'getwindowgeometry', ids[-1]], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if 'Geometry:' in line:
            width, height = line.split()[-1].split('x')
            return int(width), int(height)
    return None


def main(tap):
    build_root, src_root = roots()
    if shutil.which('xdotool') is None:
        print('1..0 # SKIP xdotool is not installed')
        return
    sandbox = Sandbox(build_root)
    app = None
    # Full screen is the window manager's to grant: with openbox the test
    # sees it happen; without one, it checks the rest.
    wm = None
    if shutil.which('openbox'):
        wm = subprocess.Popen(['openbox'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tap.note(f'openbox {wm.pid} manages the windows')
    try:
        path = os.path.join(sandbox.dir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(src_root, 'data', 'examples', 'meridian-insurance.apmm'), path)

        touch_registry()
        app = App(build_root, sandbox, [path], tap=tap)
        frame = wait_for(app.main_frame, 10)
        tap.ok(frame is not None and wait_for(lambda: frame.name.startswith('Meridian Insurance'), 10),
               'the app shows the Meridian session')
        main_title = frame.name
        tap.ok(show_page(frame, 'Self-Assessment'), 'the Self-Assessment page is shown')

        # F5: the slides, full screen, from the start.
        key('F5')
        title = wait_for(lambda: audience_title(app), 10)
        tap.ok(title == 'Slide 1 of 15: Meridian Insurance', f'F5 shows the title slide: “{title}”')
        tap.ok(wait_for(lambda: audience_active(app), 5), 'the slides have the keyboard')
        size = wait_for(lambda: window_size('Slide 1 of 15') == screen_size() and screen_size(), 5)
        tap.ok(size, f'the slides fill the screen {screen_size()}: {window_size("Slide 1 of 15")}')
        key('c')
        tap.ok(wait_for(lambda: frames_named(app, 'Presenter Console'), 5),
               'C brings up the presenter console')
        console = frames_named(app, 'Presenter Console')[0]
        tap.ok(find(console, role=pyatspi.ROLE_LABEL, name='Slide 1 of 15') is not None,
               'the console says which slide the wall shows')
        key('c')
        tap.ok('Meridian Insurance' in slide_words(app), 'the slide reads out what it shows')

        # The clicker's keys.
        key('Right', 'space', 'Page_Down', 'Down', 'Return')
        tap.ok(wait_for(lambda: (audience_title(app) or '').startswith('Slide 6 of 15:'), 5),
               f'Right, Space, Page Down, Down and Return move on five slides: “{audience_title(app)}”')
        key('Left', 'Up', 'Page_Up', 'BackSpace')
        tap.ok(wait_for(lambda: (audience_title(app) or '').startswith('Slide 2 of 15:'), 5),
               f'Left, Up, Page Up and BackSpace move back four: “{audience_title(app)}”')
        key('End')
        tap.ok(wait_for(lambda: (audience_title(app) or '').startswith('Slide 15 of 15:'), 5),
               f'End shows the last slide: “{audience_title(app)}”')
        key('Home')
        tap.ok(wait_for(lambda: (audience_title(app) or '').startswith('Slide 1 of 15:'), 5),
               'Home shows the first slide')
        key('1', '2', 'Return')
        tap.ok(wait_for(lambda: audience_title(app) == 'Slide 12 of 15: Where the evidence puts us', 5),
               f'1, 2, Return jumps to slide 12, the ladder: “{audience_title(app)}”')
        before = slide_words(app)
        tap.ok('Evidence: Level 2' in before, f'the wall says evidence level 2: “{before}”')

        # B blanks; B again brings the slide back.
        key('b')
        tap.ok(wait_for(lambda: audience_title(app) == 'Black screen', 5), 'B blanks the wall')
        key('b')
        tap.ok(wait_for(lambda: (audience_title(app) or '').startswith('Slide 12 of 15'), 5),
               'B again shows the same slide')

        # A rating made in the main window while presenting shows on the wall.
        level3 = criteria_by_level(assessment_page(frame)).get(3, {})
        tap.ok(len(level3) == 7, f'the main window lists the seven level 3 criteria ({len(level3)})')
        for button in level3.values():
            if not is_pressed(button):
                click(button)
        after = wait_for(lambda: 'Evidence: Level 3' in slide_words(app) and slide_words(app), 5)
        tap.ok(after, f'rating every level 3 criterion Met in the main window changes the wall: “{after}”')

        # Escape leaves, back on the page we came from.
        key('Escape')
        tap.ok(wait_for(lambda: audience(app) is None, 5), 'Escape closes the slides')
        tap.ok(is_pressed(find(frame, role=pyatspi.ROLE_PAGE_TAB, name='Self-Assessment')),
               'the main window is still on the Self-Assessment page')

        # Shift+F5: from the slide of this page, the room's vote.
        key('shift+F5')
        title = wait_for(lambda: audience_title(app), 10)
        tap.ok(title == 'Slide 11 of 15: Where are we today?', f'Shift+F5 starts at the vote: “{title}”')
        tap.ok(wait_for(lambda: audience_active(app), 5), 'the slides have the keyboard')
        key('Escape')
        tap.ok(wait_for(lambda: audience(app) is None, 5), 'Escape closes the slides again')

        # The main menu's Present, then Escape.
        key('F10')
        item = wait_for(lambda: find(frame, name='Present'), 5)
        tap.ok(item is not None, 'F10 opens the main menu, which has “Present”')
        click(item)
        tap.ok(wait_for(lambda: audience_title(app) == 'Slide 1 of 15: Meridian Insurance', 10),
               'the menu item presents from the start')
        tap.ok(wait_for(lambda: audience_active(app), 5), 'the slides have the keyboard')
        key('Escape')
        tap.ok(wait_for(lambda: audience(app) is None, 5), 'Escape ends it')

        # F11: the main window full screen and back.
        normal = window_size(main_title)
        if wm is None:
            tap.note('no window manager: F11 is not checked')
            normal = None
        if normal is not None:
            key('F11')
            tap.ok(wait_for(lambda: window_size(main_title) == screen_size(), 5),
                   f'F11 makes the window full screen: {window_size(main_title)}')
            key('F11')
            tap.ok(wait_for(lambda: window_size(main_title) == normal, 5),
                   f'F11 again restores it: {window_size(main_title)}')

        # Zoom: the text of the page grows and comes back.
        heading = find(frame, role=pyatspi.ROLE_LABEL, name='Ask the Room')
        tap.ok(heading is not None, 'the page has its “Ask the Room” heading')
        height = heading.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).height
        key('ctrl+plus', 'ctrl+plus')
        tap.ok(wait_for(lambda: heading.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).height > height, 30),
               'Ctrl++ makes the text larger')
        key('ctrl+0')
        tap.ok(wait_for(lambda: heading.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).height == height, 30),
               'Ctrl+0 restores the size')
        key('ctrl+minus')
        tap.ok(wait_for(lambda: heading.queryComponent().getExtents(pyatspi.DESKTOP_COORDS).height < height, 30),
               'Ctrl+− makes it smaller')
        key('ctrl+0')
    finally:
        if app is not None:
            app.kill()
        if wm is not None:
            wm.terminate()
            wm.wait(timeout=10)
        sandbox.cleanup()


if __name__ == '__main__':
    run(main)
