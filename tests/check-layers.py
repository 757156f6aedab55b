#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The layers are enforced by the build, not by habit. For src/core and
# src/render this takes the exact command meson compiles one of the layer's
# own files with (from compile_commands.json), swaps the source for a probe,
# and checks that:
#   - a probe that includes the layer's own headers compiles (the check works);
#   - a probe that includes GTK, libadwaita, cairo (core only), or a header of a
#     higher layer does not.
# It also checks that no file of a layer is compiled with a higher layer's
# include directory.
# Usage: check-layers.py BUILD_ROOT SOURCE_ROOT. Output is TAP.

import json
import pathlib
import shlex
import subprocess
import sys
import tempfile

build = pathlib.Path(sys.argv[1]).resolve()
source = pathlib.Path(sys.argv[2]).resolve()

LAYERS = {
    "core": {
        "file": "src/core/apmm-session.c",
        "allowed": ["<glib.h>", "<gio/gio.h>", "<json-glib/json-glib.h>",
                    '"apmm-session.h"', '"apmm-assessment.h"'],
        "forbidden": ["<gtk/gtk.h>", "<adwaita.h>", "<cairo.h>", "<pango/pangocairo.h>",
                      '"apmm-ladder-renderer.h"', '"apmm-export.h"',
                      '"apmm-window.h"', '"apmm-gui-utils.h"'],
        "higher": ["src/render", "src/gui"],
    },
    "render": {
        "file": "src/render/apmm-ladder-renderer.c",
        "allowed": ["<cairo.h>", "<pango/pangocairo.h>", '"apmm-ladder-renderer.h"',
                    '"apmm-session.h"'],
        "forbidden": ["<gtk/gtk.h>", "<adwaita.h>", '"apmm-window.h"', '"apmm-gui-utils.h"'],
        "higher": ["src/gui"],
    },
}

results = []


def check(ok, name, detail=""):
    results.append((ok, name, detail))


def command_for(entries, relpath):
    for entry in entries:
        path = pathlib.Path(entry["directory"], entry["file"]).resolve()
        if path == source / relpath:
            if "arguments" in entry:
                return entry["directory"], list(entry["arguments"]), entry["file"]
            return entry["directory"], shlex.split(entry["command"]), entry["file"]
    return None


def probe(directory, args, original, include, tmp):
    probe_file = pathlib.Path(tmp) / "probe.c"
    probe_file.write_text('#include "config.h"\n#include %s\n' % include, encoding="utf-8")
    cmd = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-MF", "-MQ", "-MT"):
            skip = True
            continue
        if arg in ("-MD", "-MMD"):
            continue
        if arg == original or pathlib.Path(directory, arg).resolve() == pathlib.Path(directory, original).resolve():
            cmd.append(str(probe_file))
            continue
        cmd.append(arg)
    cmd += ["-fsyntax-only"]
    done = subprocess.run(cmd, cwd=directory, capture_output=True, text=True)
    return done.returncode == 0, done.stderr


def main():
    try:
        entries = json.loads((build / "compile_commands.json").read_text(encoding="utf-8"))
    except OSError as error:
        print("1..1")
        print("not ok 1 - compile_commands.json is readable # %s" % error)
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        for layer, spec in LAYERS.items():
            found = command_for(entries, spec["file"])
            if found is None:
                check(False, "%s: %s is in compile_commands.json" % (layer, spec["file"]))
                continue
            directory, args, original = found
            for include in spec["allowed"]:
                ok, err = probe(directory, args, original, include, tmp)
                check(ok, "%s: including %s compiles" % (layer, include), err)
            for include in spec["forbidden"]:
                ok, err = probe(directory, args, original, include, tmp)
                check(not ok, "%s: including %s fails to compile" % (layer, include))

        # Every file of a layer: no higher layer's include directory.
        for layer, spec in LAYERS.items():
            for entry in entries:
                path = pathlib.Path(entry["directory"], entry["file"]).resolve()
                if not str(path).startswith(str(source / "src" / layer) + "/"):
                    continue
                args = entry.get("arguments") or shlex.split(entry["command"])
                leaks = [a for a in args
                         if a.startswith("-I") and any(a.rstrip("/").endswith(h) or (h + "/") in a
                                                       for h in spec["higher"])]
                leaks += [a for a in args if a.startswith("-I") and ("gtk-4.0" in a or "libadwaita" in a)]
                if layer == "core":
                    leaks += [a for a in args if a.startswith("-I") and ("cairo" in a or "pango" in a)]
                check(not leaks, "%s: %s has no higher layer's include directory"
                      % (layer, path.relative_to(source)), " ".join(leaks))

    print("1..%d" % len(results))
    failed = 0
    for number, (ok, name, detail) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", number, name))
        if not ok:
            failed += 1
            for line in detail.splitlines()[:10]:
                print("# " + line)
    return 1 if failed else 0


sys.exit(main())
