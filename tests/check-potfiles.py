#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in must list every file with translatable strings, and nothing
# else: a file left out is never translated, and nobody notices. It must also
# stay sorted, so that additions from several branches merge cleanly.
# Usage: check-potfiles.py SOURCE_ROOT. Output is TAP.

import pathlib
import re
import sys

# _("…"), N_("…"), C_("ctx", "…"), NC_(…), and the plural forms.
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|g_dpgettext2|ngettext)\s*\(\s*"')
UI_MARKER = 'translatable="yes"'
# Data files whose strings are extracted through ITS rules.
DATA_FILES = [
    "data/apmm-model.xml",
    "data/org.apmm.Workshop.desktop.in",
    "data/org.apmm.Workshop.gschema.xml.in",
    "data/org.apmm.Workshop.metainfo.xml.in",
    "data/org.apmm.Workshop.mime.xml",
]


def files_with_strings(root):
    found = set()
    for path in sorted(root.glob("src/**/*.c")):
        if C_MARKER.search(path.read_text(encoding="utf-8")):
            found.add(path.relative_to(root).as_posix())
    for path in sorted(root.glob("ui/**/*.ui")):
        if UI_MARKER in path.read_text(encoding="utf-8"):
            found.add(path.relative_to(root).as_posix())
    found.update(DATA_FILES)
    return found


def main():
    root = pathlib.Path(sys.argv[1])
    lines = (root / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines()
    listed = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    expected = files_with_strings(root)

    missing = sorted(expected - set(listed))
    stale = sorted(path for path in listed if not (root / path).is_file())
    unsorted = listed != sorted(listed)

    print("1..3")
    print(f"{'not ok' if missing else 'ok'} 1 - every file with translatable strings is listed")
    for path in missing:
        print(f"# missing from po/POTFILES.in: {path}")
    print(f"{'not ok' if stale else 'ok'} 2 - every listed file exists")
    for path in stale:
        print(f"# listed but not found: {path}")
    print(f"{'not ok' if unsorted else 'ok'} 3 - po/POTFILES.in is sorted")
    return 1 if missing or stale or unsorted else 0


if __name__ == "__main__":
    sys.exit(main())
