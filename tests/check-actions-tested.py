#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every action the app installs is named in a test, so a new menu item or
# shortcut without a test fails CI (issue 9: 36 tests passed while the one
# export in the app crashed on every use).
#
# Actions are read from src/ and from the menus in ui/: gtk_widget_class_install_action (widget_class,
# "win.save", …) and the GActionEntry tables ({ "quit", quit_action }), whose
# prefix is "app." when the file adds them to the application and "win."
# otherwise, or the prefix given to gtk_widget_insert_action_group. An action
# counts as tested when its full name ("win.save") appears in a file under
# tests/ other than this one; the end-to-end tests list the actions they
# drive in their header comment.
#
# Usage: check-actions-tested.py SRC_ROOT        Output: TAP.

import os
import re
import sys

INSTALL_RE = re.compile(r'gtk_widget_class_install_(?:property_)?action\s*\(\s*\w+\s*,\s*"([^"]+)"')
ENTRIES_RE = re.compile(r'(?:static\s+)?(?:const\s+)?GActionEntry\s+(\w+)\s*\[\s*\]\s*=\s*\{(.*?)\n\s*\}\s*;',
                        re.S)
ENTRY_RE = re.compile(r'\{\s*"([^"]+)"')
GROUP_PREFIX_RE = re.compile(r'gtk_widget_insert_action_group\s*\([^,]+,\s*"([^"]+)"')
MENU_ACTION_RE = re.compile(r'<attribute name="action">([^<]+)</attribute>')
ADD_TO_APP_RE = re.compile(r'g_action_map_add_action_entries\s*\(\s*G_ACTION_MAP\s*\(\s*(app|self|application)\b')


def actions_in(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    found = set(INSTALL_RE.findall(text))
    tables = ENTRIES_RE.findall(text)
    if tables:
        prefixes = GROUP_PREFIX_RE.findall(text)
        if prefixes:
            prefix = prefixes[0]
        elif ADD_TO_APP_RE.search(text) and 'application' in os.path.basename(path):
            prefix = 'app'
        else:
            prefix = 'win'
        for _, body in tables:
            found |= {f'{prefix}.{name}' for name in ENTRY_RE.findall(body)}
    return found


def main():
    if len(sys.argv) != 2:
        sys.exit(f'usage: {sys.argv[0]} SRC_ROOT')
    root = sys.argv[1]
    this = os.path.abspath(__file__)

    actions = {}
    for folder, _, files in os.walk(os.path.join(root, 'src')):
        for name in sorted(files):
            if name.endswith('.c'):
                path = os.path.join(folder, name)
                for action in actions_in(path):
                    actions.setdefault(action, os.path.relpath(path, root))

    # The menus in ui/ name actions too.
    for folder, _, files in os.walk(os.path.join(root, 'ui')):
        for name in sorted(files):
            if name.endswith('.ui'):
                path = os.path.join(folder, name)
                with open(path, encoding='utf-8') as f:
                    for action in MENU_ACTION_RE.findall(f.read()):
                        actions.setdefault(action, os.path.relpath(path, root))

    corpus = []
    for folder, dirs, files in os.walk(os.path.join(root, 'tests')):
        dirs[:] = [d for d in dirs if d not in ('data', '__pycache__', 'corpus')]
        for name in files:
            path = os.path.join(folder, name)
            if os.path.abspath(path) == this or not name.endswith(('.py', '.c', '.h')):
                continue
            with open(path, encoding='utf-8', errors='replace') as f:
                corpus.append(f.read())
    corpus = '\n'.join(corpus)

    count = 0
    failed = False
    # The list is never empty: an empty one means the patterns broke.
    count += 1
    if len(actions) >= 10:
        print(f'ok {count} - {len(actions)} actions found in src/')
    else:
        print(f'not ok {count} - only {len(actions)} actions found in src/: the patterns need updating')
        failed = True

    for action in sorted(actions):
        count += 1
        if re.search(r'(?<![\w.-])' + re.escape(action) + r'(?![\w-])', corpus):
            print(f'ok {count} - {action} ({actions[action]}) is named in a test')
        else:
            print(f'not ok {count} - {action} ({actions[action]}) is named in no test under tests/: '
                  f'add an end-to-end test that drives it (tests/e2e/) and name it there')
            failed = True
    print(f'1..{count}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
