# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared helpers for the end-to-end tests: start the built app in a private
# environment, find it in the AT-SPI registry and drive it through the
# accessible tree as a screen reader or a test robot would. Needs
# /usr/bin/python3 (Debian's pyatspi), a display and a session bus: the suite
# runs under `xvfb-run -a dbus-run-session --`.
#
# Output is TAP: `ok N - …` / `not ok N - …` and a plan at the end.

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    # The Flatpak SDK has no pyatspi: say so instead of failing.
    print('1..0 # SKIP python3-pyatspi is not installed')
    sys.exit(0)

APP_NAME = 'apmm-workshop'


class Failure(Exception):
    pass


class Tap:
    """A minimal TAP writer: each check is one line; the first failure ends
    the test with a diagnosis, since later steps depend on earlier ones."""

    def __init__(self):
        self.count = 0
        self.start = time.monotonic()

    def ok(self, condition, description):
        self.count += 1
        if not condition:
            print(f'not ok {self.count} - {description}', flush=True)
            # APMM_E2E_SCREENSHOT=path.png keeps a picture of the screen at
            # the failure, while the app still shows it.
            shot = os.environ.get('APMM_E2E_SCREENSHOT')
            if shot and shutil.which('import'):
                subprocess.run(['import', '-window', 'root', shot], timeout=30)
                print(f'# screenshot: {shot}', flush=True)
            raise Failure(description)
        print(f'ok {self.count} - {description}', flush=True)

    def note(self, text):
        print(f'# [{time.monotonic() - self.start:5.1f} s] {text}', flush=True)

    def done(self):
        print(f'1..{self.count}', flush=True)


def roots():
    """BUILD_ROOT and SRC_ROOT: the first two arguments, as meson passes them."""
    if len(sys.argv) < 3:
        sys.exit(f'usage: {sys.argv[0]} BUILD_ROOT SRC_ROOT')
    return os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])


def sha256(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


def wait_for(predicate, timeout, interval=0.2):
    """Polls until predicate() returns something true; returns it, or None
    when the time is up. Errors from a tree that is changing under us count
    as "not yet"."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except Exception:  # noqa: BLE001 - objects vanish while widgets are rebuilt
            result = None
        if result:
            return result
        if time.monotonic() >= deadline:
            return None
        time.sleep(interval)


class Sandbox:
    """Private XDG folders and settings for one test, removed at the end."""

    def __init__(self, build_root, settings_backend='memory', keyfile=None):
        self.dir = tempfile.mkdtemp(prefix='apmm-e2e-')
        self.data_home = os.path.join(self.dir, 'data')
        self.config_home = os.path.join(self.dir, 'config')
        self.cache_home = os.path.join(self.dir, 'cache')
        for d in (self.data_home, self.config_home, self.cache_home):
            os.makedirs(d)
        if keyfile is not None:
            settings_dir = os.path.join(self.config_home, 'glib-2.0', 'settings')
            os.makedirs(settings_dir)
            with open(os.path.join(settings_dir, 'keyfile'), 'w', encoding='utf-8') as f:
                f.write(keyfile)
        self.env = dict(os.environ)
        self.env.update({
            'GSETTINGS_BACKEND': settings_backend,
            'GSETTINGS_SCHEMA_DIR': os.path.join(build_root, 'data'),
            'GTK_USE_PORTAL': '0',
            'XDG_DATA_HOME': self.data_home,
            'XDG_CONFIG_HOME': self.config_home,
            'XDG_CACHE_HOME': self.cache_home,
            'LC_ALL': 'C.UTF-8',
            'LANGUAGE': '',
            'GSK_RENDERER': 'cairo',
            # A critical is a bug: let it end the app, and the test with it.
            'G_DEBUG': 'fatal-criticals',
            # The local VFS and the plain Unix volume monitor, as in
            # tests/meson.build: with gvfs installed (every GNOME desktop) the
            # app would otherwise start gvfs's remote monitors, whose warnings
            # are no fault of ours. App.warnings() checks that none is printed.
            'GIO_USE_VFS': 'local',
            'GIO_USE_VOLUME_MONITOR': 'unix',
            # The file chooser's home and recent places stay in the sandbox.
            'HOME': self.dir,
        })
        self.env.pop('GDK_DEBUG', None)

    @property
    def drafts_dir(self):
        return os.path.join(self.data_home, 'apmm-workshop', 'drafts')

    def drafts(self):
        if not os.path.isdir(self.drafts_dir):
            return []
        return sorted(n for n in os.listdir(self.drafts_dir) if n.endswith('.apmm'))

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


def touch_registry():
    """Starts the accessibility bus and registry before the app: the bus
    launcher's own X connection makes Xvfb reset when it closes, and a GTK
    client connecting at that moment fails with "cannot open display"."""
    pyatspi.Registry.getDesktop(0).childCount
    time.sleep(0.5)


class App:
    """The running app: its process and its accessible application object."""

    def __init__(self, build_root, sandbox, args=(), tap=None, timeout=30):
        self.binary = os.path.join(build_root, 'src', APP_NAME)
        self.sandbox = sandbox
        self.args = list(args)
        self.tap = tap
        self.proc = None
        self.accessible = None
        self._start(timeout)

    def _start(self, timeout):
        deadline = time.monotonic() + timeout
        for attempt in range(3):
            log = tempfile.TemporaryFile()
            self.log = log
            # The sandbox is the working folder: the file chooser opens there.
            self.proc = subprocess.Popen([self.binary] + self.args, env=self.sandbox.env,
                                         stdout=log, stderr=subprocess.STDOUT,
                                         cwd=self.sandbox.dir)
            found = wait_for(self._find, max(1.0, deadline - time.monotonic()))
            if found is not None and found != 'exited':
                self.accessible = found
                return
            exited = self.proc.poll() is not None
            log.seek(0)
            output = log.read().decode('utf-8', 'replace')
            self.kill()
            # Only a lost race for the display is worth another try.
            if not (exited and 'cannot open display' in output) or time.monotonic() >= deadline:
                raise Failure(f'the app did not appear on the accessibility bus '
                              f'(exited: {exited}); its output:\n{output}')
            if self.tap:
                self.tap.note(f'the app could not open the display (attempt {attempt + 1}); retrying')
            time.sleep(1.0)
        raise Failure('the app could not open the display three times')

    def _find(self):
        if self.proc.poll() is not None:
            # It is gone: stop waiting at once.
            return 'exited'
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            try:
                if app.get_process_id() == self.proc.pid and app.childCount > 0:
                    return app
            except Exception:  # noqa: BLE001 - an application that just left
                continue
        return None

    def frames(self):
        return [c for c in self.accessible if c is not None]

    def main_frame(self):
        for frame in self.frames():
            if frame.getRole() == pyatspi.ROLE_FRAME:
                return frame
        return None

    def kill(self):
        """SIGKILL: no chance to clean up, as in a crash."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def alive(self):
        """True while the app runs; when it has died, prints how, and what it
        said last, as a TAP comment."""
        if self.proc is not None and self.proc.poll() is None:
            return True
        if self.proc is not None:
            tail = self.output().strip().splitlines()[-8:]
            print(f'# the app exited with status {self.proc.returncode}; its last words:', flush=True)
            for line in tail:
                print(f'#   {line}', flush=True)
        return False

    def output(self):
        """Everything the app printed so far (stdout and stderr)."""
        self.log.flush()
        self.log.seek(0)
        return self.log.read().decode('utf-8', 'replace')

    def warnings(self):
        """The GLib warnings and criticals the app printed: there should be
        none (gvfs's remote monitors would print some without the local VFS)."""
        return [line for line in self.output().splitlines()
                if re.search(r'-(WARNING|CRITICAL) \*\*', line)]

    def window(self, name=None, name_re=None, timeout=10):
        """A top-level window of the app (frame, dialog, …) by its title."""
        def look():
            for w in self.frames():
                if (name is not None and w.name == name) or \
                   (name_re is not None and re.search(name_re, w.name or '')):
                    return w
            return None
        return wait_for(look, timeout)

    def gone(self, name, timeout=10):
        """True once no window of the app has this title."""
        return wait_for(lambda: all(w.name != name for w in self.frames()), timeout)

    # --- The keyboard ---------------------------------------------------------
    #
    # Keys go through the X server (xdotool, XTest) to the window with the
    # keyboard focus, exactly as a user's keys would. Xvfb has no window
    # manager, so nothing gives the focus back to the main window when a
    # dialog closes: focus() sets it before each key press, as clicking the
    # window would.

    def x_windows(self, title):
        result = subprocess.run(['xdotool', 'search', '--onlyvisible', '--pid', str(self.proc.pid),
                                 '--name', '^' + re.escape(title) + '$'],
                                capture_output=True, text=True, timeout=10)
        return result.stdout.split()

    def focus(self, title):
        windows = wait_for(lambda: self.x_windows(title), 5)
        if not windows:
            raise Failure(f'no visible X window “{title}” to type into')
        subprocess.run(['xdotool', 'windowfocus', '--sync', windows[-1]], timeout=10,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def key(self, title, *keys):
        """Presses keys (xdotool names: ctrl+s, Escape, alt+3) in the window
        with this title."""
        self.focus(title)
        subprocess.run(['xdotool', 'key', '--delay', '60'] + list(keys), timeout=30, check=True)

    def click_at(self, title, node, dx=0.5, dy=0.5):
        """A real mouse click inside node (dx, dy: where, as a fraction of
        its size): for widgets that take the focus on a click, since GTK 4.8
        does not implement AT-SPI's grabFocus."""
        extents = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        windows = wait_for(lambda: self.x_windows(title), 5)
        if not windows:
            raise Failure(f'no visible X window “{title}” to click in')
        self.focus(title)
        subprocess.run(['xdotool', 'mousemove', '--window', windows[-1],
                        str(int(extents.x + extents.width * dx)),
                        str(int(extents.y + extents.height * dy)), 'click', '1'],
                       timeout=10, check=True)

    def type(self, title, text):
        self.focus(title)
        subprocess.run(['xdotool', 'type', '--delay', '8', text], timeout=60, check=True)


def shallow_walk(node, depth):
    """Like walk(), but only `depth` levels down: enough for the toasts, which
    sit right under the window, without walking every page."""
    yield node
    if depth == 0:
        return
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from shallow_walk(child, depth - 1)


def toasts(frame):
    """The texts of the toasts the window shows now."""
    texts = []
    for n in shallow_walk(frame, 4):
        if n.name == 'AdwToastWidget':
            texts += [text_of(label) for label in walk(n) if label.getRole() == pyatspi.ROLE_LABEL]
    return texts


def wait_for_toast(frame, pattern, timeout=10):
    """The first toast whose text matches pattern, or None."""
    return wait_for(lambda: next((t for t in toasts(frame) if re.search(pattern, t)), None),
                    timeout, interval=0.1)


def choose_file(app, title, path, tap=None):
    """Drives the GTK file chooser called title with the keyboard as a user
    would: Ctrl+L for the location, the path typed over whatever is there,
    Return. Waits until the chooser is gone."""
    chooser = app.window(name=title, timeout=15)
    if chooser is None:
        raise Failure(f'no “{title}” file chooser appeared')
    # Typing before the chooser has loaded its folder loses keys.
    time.sleep(0.5)
    app.key(title, 'ctrl+l')
    time.sleep(0.2)
    app.key(title, 'ctrl+a')
    app.type(title, path)
    time.sleep(0.3)
    app.key(title, 'Return')
    return app.gone(title, 10)


def dialog_with_heading(app, heading, timeout=10):
    """An AdwMessageDialog (or any top level) that shows heading: by its
    title, else by a label in a dialog. Main windows are not walked: a window
    with a session holds thousands of accessibles."""
    def look():
        windows = app.frames()
        for w in windows:
            if w.name == heading:
                return w
        for w in windows:
            if w.getRole() != pyatspi.ROLE_FRAME and \
               find(w, role=pyatspi.ROLE_LABEL, name=heading) is not None:
                return w
        return None
    return wait_for(look, timeout)


def button(node, label):
    """A push button whose name is label (mnemonic underscores ignored)."""
    for n in visible_walk(node):
        if n.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON) and \
           (n.name == label or (n.name or '').replace('_', '') == label or
            (n.name or '').endswith(' ' + label)):
            return n
    return None


def menu_items(node):
    """{label: menu item} of the menus open under node. Pass the menu button
    (see main_menu_button()): walking a whole window with a session in it
    takes seconds."""
    items = {}
    for n in walk(node):
        if n.getRole() == pyatspi.ROLE_MENU_ITEM and n.name:
            items.setdefault(n.name, n)
    return items


def main_menu_button(frame):
    """The header bar's main menu button; its popover is under it."""
    return find(frame, role=pyatspi.ROLE_PUSH_BUTTON, name='Main Menu')


def open_main_menu(app, frame, wanted):
    """F10, as a user opens the main menu from the keyboard; returns its items
    once wanted is among them, or None."""
    menu_button = main_menu_button(frame)
    if menu_button is None:
        raise Failure('the window has no main menu button')
    app.key(frame.name, 'F10')
    return wait_for(lambda: (lambda m: m if wanted in m else None)(menu_items(menu_button)), 10)


def reopen_main_menu(app, frame):
    """Opens the main menu with a click and closes it with Escape.

    GTK 4.8 on X11: once an item of a popover *submenu* (Open Example ▸ …) is
    activated, by keyboard or by AT-SPI, the window takes no more keys (no
    shortcut, no F10) until a popover is opened and closed again. A user
    would click the menu button; so does this."""
    outer = main_menu_button(frame)
    inner = [n for n in walk(outer)
             if n.getRole() == pyatspi.ROLE_PUSH_BUTTON and n.name == 'Main Menu'][-1]
    click(inner)
    wait_for(lambda: menu_items(outer), 5)
    time.sleep(0.3)
    app.key(frame.name, 'Escape')
    time.sleep(0.3)


def open_submenu(items, submenu, label):
    """Clicks submenu in an open menu and returns its item label."""
    click(items[submenu])
    parent = items[submenu].parent
    while parent is not None and parent.getRole() != pyatspi.ROLE_MENU:
        parent = parent.parent
    return wait_for(lambda: menu_items(parent).get(label), 10)


def png_size(path):
    """(width, height) of a PNG file, or None when it is not a whole PNG:
    the signature, an IHDR chunk first and an IEND chunk last, every CRC right."""
    import struct
    import zlib
    with open(path, 'rb') as f:
        data = f.read()
    if not data.startswith(b'\x89PNG\r\n\x1a\n'):
        return None
    pos, chunks, size = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        crc = data[pos + 8 + length:pos + 12 + length]
        if len(crc) != 4 or struct.unpack('>I', crc)[0] != zlib.crc32(kind + body):
            return None
        if kind == b'IHDR':
            size = struct.unpack('>II', body[:8])
        chunks.append(kind)
        pos += 12 + length
    if not chunks or chunks[0] != b'IHDR' or chunks[-1] != b'IEND' or pos != len(data):
        return None
    return size


# --- Finding things in the tree ------------------------------------------------

def walk(node, prune=None):
    """Every descendant, depth first in document order."""
    if node is None:
        return
    yield node
    if prune is not None and prune(node):
        return
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, prune)


def is_visible(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_VISIBLE)


def visible_walk(node):
    """Like walk(), but skips hidden subtrees (stack pages not shown, closed
    popovers). GTK 4.8 marks widgets "visible", not "showing"."""
    return walk(node, prune=lambda n: not is_visible(n))


def find(node, role=None, name=None, name_re=None, description=None, visible=True):
    for n in (visible_walk(node) if visible else walk(node)):
        if role is not None and n.getRole() != role:
            continue
        if name is not None and n.name != name:
            continue
        if name_re is not None and not re.search(name_re, n.name or ''):
            continue
        if description is not None and n.description != description:
            continue
        if visible and not is_visible(n):
            continue
        return n
    return None


def text_of(node):
    try:
        text = node.queryText()
        return text.getText(0, text.characterCount)
    except NotImplementedError:
        return node.name


def click(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ('click', 'activate', 'press'):
            try:
                action.doAction(i)
            except Exception as e:  # noqa: BLE001 - GLib.GError
                # GTK runs the action before it answers: a click that loads a
                # session and rebuilds the window can outlast the D-Bus reply
                # timeout on a loaded machine. The click happened; what it did
                # is checked next, as always.
                if 'Did not receive a reply' not in str(e):
                    raise
                print(f'# no reply in time to the click on “{node.name}”; going on', flush=True)
            return
    raise Failure(f'{node.getRoleName()} “{node.name}” has no click action')


def is_pressed(node):
    states = node.getState()
    return states.contains(pyatspi.STATE_PRESSED) or states.contains(pyatspi.STATE_CHECKED)


def set_text(node, value):
    editable = node.queryEditableText()
    editable.setTextContents(value)


def show_page(frame, page):
    """Clicks the view switcher button of a page (there are two switchers,
    header and bottom bar; either will do)."""
    tab = find(frame, role=pyatspi.ROLE_PAGE_TAB, name=page)
    if tab is None:
        raise Failure(f'no “{page}” button in the view switcher')
    click(tab)
    return wait_for(lambda: is_pressed(find(frame, role=pyatspi.ROLE_PAGE_TAB, name=page)), 5)


# --- The Self-Assessment page ---------------------------------------------------

def result_strip(frame):
    return find(frame, role=pyatspi.ROLE_STATUS_BAR)


def assessment_page(frame):
    """The part of the tree that holds the result strip and the checklist:
    walking only this is much faster than walking the whole window, since
    every step is a D-Bus round trip."""
    strip = result_strip(frame)
    return strip.parent if strip is not None else None


def evidence_level(strip):
    """The text after the "Evidence level" caption in the result strip, e.g.
    "Level 2 · AI Active"; None when the strip shows no level."""
    if strip is None:
        return None
    labels = [n for n in visible_walk(strip) if n.getRole() == pyatspi.ROLE_LABEL]
    for i, label in enumerate(labels):
        if text_of(label) == 'Evidence level' and i + 1 < len(labels):
            return text_of(labels[i + 1])
    return None


def level_number(text):
    match = re.match(r'Level (\d)\b', text or '')
    return int(match.group(1)) if match else None


def criteria_by_level(page):
    """The checklist as {level: {criterion title: "Met" button}}, read in
    document order: each "Level N · …" heading after "Entry Criteria" starts a
    group, and each criterion row has a "Met: <title>" button described by its title."""
    groups = {}
    level = None
    in_checklist = False
    for n in visible_walk(page):
        role = n.getRole()
        if role == pyatspi.ROLE_LABEL:
            text = text_of(n)
            if text == 'Entry Criteria':
                in_checklist = True
            elif in_checklist and level_number(text) is not None and ' · ' in text:
                level = level_number(text)
        elif in_checklist and level is not None and role in (pyatspi.ROLE_PUSH_BUTTON,
                                                               pyatspi.ROLE_TOGGLE_BUTTON,
                                                               pyatspi.ROLE_RADIO_BUTTON):
            if n.description and n.name == f'Met: {n.description}':
                groups.setdefault(level, {})[n.description] = n
    return groups


def status_button(frame, criterion, status='Met'):
    for n in visible_walk(frame):
        if n.name == f'{status}: {criterion}' and n.getRole() in (
                pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_RADIO_BUTTON):
            return n
    return None


def run(main):
    """Runs main(tap) and turns its outcome into TAP and an exit status."""
    tap = Tap()
    try:
        main(tap)
    except Failure as e:
        print(f'# FAILED: {e}', flush=True)

        tap.done()
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - report anything as a failed test
        import traceback
        traceback.print_exc(file=sys.stdout)
        print(f'not ok {tap.count + 1} - unexpected error: {e}', flush=True)
        tap.count += 1
        tap.done()
        sys.exit(1)
    tap.note('finished')
    tap.done()
