#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Two monitors, as in a meeting room: a 1024×768 laptop and a 1920×1080
# projector beside it. F5 on the laptop puts the slides full screen on the
# projector and keeps the presenter console on the laptop; the clicker's keys
# move the wall; Escape ends it.
#
# GTK 4 reads monitors from RandR only (it dropped Xinerama), and Xvfb has
# one RandR output, so this test starts its own X server with the dummy video
# driver (xserver-xorg-video-dummy), which has sixteen, and lays two of them
# out with xrandr. It skips, saying why, where those are not installed.
#
# Usage: test_present_two_monitors.py BUILD_ROOT SRC_ROOT

import os
import shutil
import subprocess
import sys
import tempfile
import time

BUILD_ROOT, SRC_ROOT = (os.path.abspath(a) for a in sys.argv[1:3])
XORG_CONF = '''
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 65536
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 2944 1080
  EndSubSection
EndSection
'''
count = 0


def ok(condition, description):
    global count
    count += 1
    print(f'{"ok" if condition else "not ok"} {count} - {description}', flush=True)
    if not condition:
        print(f'1..{count}')
        raise SystemExit(1)


def wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    return None


def xorg_binary():
    # The server itself, not the setuid wrapper: the dummy driver needs no
    # privileges, and the wrapper refuses a configuration file from /tmp.
    for path in ('/usr/lib/xorg/Xorg', '/usr/libexec/Xorg'):
        if os.access(path, os.X_OK):
            return path
    return shutil.which('Xorg')


def find_driver():
    for folder in ('/usr/lib/xorg/modules/drivers', '/usr/lib64/xorg/modules/drivers'):
        if os.path.exists(os.path.join(folder, 'dummy_drv.so')):
            return True
    return False


def geometry(env, name):
    """(x, y, width, height) of the last window whose title contains name."""
    ids = subprocess.run(['xdotool', 'search', '--name', name], env=env,
                         capture_output=True, text=True).stdout.split()
    if not ids:
        return None
    out = subprocess.run(['xdotool', 'getwindowgeometry', ids[-1]], env=env,
                         capture_output=True, text=True).stdout
    x = y = w = h = None
    for line in out.splitlines():
        if 'Position:' in line:
            x, y = (int(v) for v in line.split()[1].split(','))
        if 'Geometry:' in line:
            w, h = (int(v) for v in line.split()[1].split('x'))
    return (x, y, w, h) if None not in (x, y, w, h) else None


def main():
    missing = [tool for tool in ('xdotool', 'xrandr', 'openbox') if shutil.which(tool) is None]
    if xorg_binary() is None or not find_driver():
        missing.append('Xorg with the dummy video driver')
    if missing:
        print(f'1..0 # SKIP not installed: {", ".join(missing)}')
        return

    workdir = tempfile.mkdtemp(prefix='apmm-two-monitors-')
    conf = os.path.join(workdir, 'xorg.conf')
    with open(conf, 'w', encoding='utf-8') as f:
        f.write(XORG_CONF)
    # A display number nobody holds (xvfb-run -a counts down from 99).
    number = next(n for n in range(150, 250) if not os.path.exists(f'/tmp/.X{n}-lock'))
    display = f':{number}'
    env = dict(os.environ, DISPLAY=display)
    procs = []
    try:
        procs.append(subprocess.Popen([xorg_binary(), display, '-noreset', '-nolisten', 'tcp',
                                       '-config', conf, '-logfile', os.path.join(workdir, 'xorg.log')],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        ok(wait_for(lambda: subprocess.run(['xrandr'], env=env, capture_output=True).returncode == 0, 15),
           f'an X server with the dummy driver runs on {display}')

        xrandr = lambda *args: subprocess.run(['xrandr'] + list(args), env=env, capture_output=True, text=True)
        xrandr('--newmode', 'projector', '148.50', '1920', '2008', '2052', '2200',
               '1080', '1084', '1089', '1125', '+hsync', '+vsync')
        xrandr('--addmode', 'DUMMY1', 'projector')
        xrandr('--output', 'DUMMY0', '--mode', '1024x768', '--pos', '0x0',
               '--output', 'DUMMY1', '--mode', 'projector', '--pos', '1024x0')
        monitors = xrandr('--listmonitors').stdout
        ok('1024/' in monitors and '1920/' in monitors and '+1024+0' in monitors,
           'two monitors: a 1024×768 laptop and a 1920×1080 projector to its right')

        procs.append(subprocess.Popen(['openbox'], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))
        time.sleep(1)
        app_env = dict(env, GSETTINGS_BACKEND='memory', GSETTINGS_SCHEMA_DIR=os.path.join(BUILD_ROOT, 'data'),
                       GTK_USE_PORTAL='0', GSK_RENDERER='cairo', NO_AT_BRIDGE='1', LC_ALL='C.UTF-8',
                       LANGUAGE='', XDG_DATA_HOME=workdir, XDG_CONFIG_HOME=workdir, XDG_CACHE_HOME=workdir,
                       G_DEBUG='fatal-criticals')
        session = os.path.join(workdir, 'meridian-insurance.apmm')
        shutil.copy(os.path.join(SRC_ROOT, 'data', 'examples', 'meridian-insurance.apmm'), session)
        app = subprocess.Popen([os.path.join(BUILD_ROOT, 'src', 'apmm-workshop'), session], env=app_env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(app)

        main_window = wait_for(lambda: geometry(env, 'Meridian Insurance'), 20)
        ok(main_window is not None and main_window[0] < 1024,
           f'the main window opens on the laptop: {main_window}')

        subprocess.run(['xdotool', 'key', 'F5'], env=env)
        wall = wait_for(lambda: geometry(env, 'Slide 1 of 15') == (1024, 0, 1920, 1080) and
                        geometry(env, 'Slide 1 of 15'), 10)
        ok(wall, f'F5 puts the slides full screen on the projector: {geometry(env, "Slide 1 of 15")}')
        console = wait_for(lambda: geometry(env, 'Presenter Console'), 10)
        ok(console is not None and console[0] + console[2] <= 1024,
           f'the presenter console stays on the laptop: {console}')

        # The console has the keyboard; the clicker's keys move the wall.
        subprocess.run(['xdotool', 'key', '--delay', '80', 'Right', 'Right'], env=env)
        ok(wait_for(lambda: geometry(env, 'Slide 3 of 15'), 5), 'Right twice shows slide 3 on the wall')
        subprocess.run(['xdotool', 'key', 'b'], env=env)
        ok(wait_for(lambda: geometry(env, 'Black screen'), 5), 'B blanks the wall')
        subprocess.run(['xdotool', 'key', 'Escape'], env=env)
        ok(wait_for(lambda: geometry(env, 'Black screen') is None and
                    geometry(env, 'Presenter Console') is None, 5),
           'Escape closes the slides and the console')
        ok(app.poll() is None, 'the app is still running')
    finally:
        for proc in reversed(procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f'1..{count}')


if __name__ == '__main__':
    main()
