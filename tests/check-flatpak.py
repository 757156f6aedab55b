#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Guards the sandbox of flatpak/org.apmm.Workshop.json. The app reads and
# writes only the files the user picks through the file chooser portal, so it
# needs no network and no file system access; a manifest that gains either, or
# stops running the tests while it builds, fails here. The checker is then
# run against broken copies of the manifest to show that it catches each one.
# Output is TAP.

import copy
import json
import sys

APP_ID = "org.apmm.Workshop"
ALLOWED_FINISH_ARGS = {
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
}


def problems(manifest):
    """Returns a list of what is wrong with @manifest, empty when nothing."""
    found = []
    app_id = manifest.get("id", manifest.get("app-id"))
    if app_id != APP_ID:
        found.append(f"id is {app_id!r}, not {APP_ID!r}")
    if manifest.get("command") != "apmm-workshop":
        found.append("command is not apmm-workshop")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        found.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    if not str(manifest.get("runtime-version", "")).isdigit():
        found.append("runtime-version must be a released GNOME version, not a branch")

    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg.startswith("--share=network"):
            found.append("finish-args grants network access")
        elif arg.startswith("--filesystem"):
            found.append(f"finish-args grants file system access: {arg}")
        elif arg in ("--socket=session-bus", "--socket=system-bus"):
            found.append(f"finish-args opens a whole bus: {arg}")
        elif arg not in ALLOWED_FINISH_ARGS:
            found.append(f"finish-args has an argument that is not allowed: {arg}")
    if set(finish_args) != ALLOWED_FINISH_ARGS:
        found.append("finish-args must be exactly " + " ".join(sorted(ALLOWED_FINISH_ARGS)))

    modules = manifest.get("modules", [])
    if not modules or not isinstance(modules[-1], dict):
        found.append("there is no app module")
        return found
    app = modules[-1]
    if app.get("name") != "apmm-workshop":
        found.append("the app module is not the last module")
    if app.get("buildsystem") != "meson":
        found.append("the app module is not built with meson")
    if app.get("run-tests") is not True:
        found.append("the app module does not run the tests")
    test_args = app.get("build-options", {}).get("test-args", [])
    if any(arg.startswith("--share=network") for arg in test_args):
        found.append("the tests are given network access")
    sources = app.get("sources", [])
    if len(sources) != 1 or sources[0].get("type") != "dir" or sources[0].get("path") != "..":
        found.append("the app module is not built from the source tree (a dir source at ..)")
    return found


def broken_copies(manifest):
    """Yields (description, manifest) pairs, each broken in one way."""
    def changed(description, change):
        broken = copy.deepcopy(manifest)
        change(broken)
        return description, broken

    yield changed("network access", lambda m: m["finish-args"].append("--share=network"))
    yield changed("home access", lambda m: m["finish-args"].append("--filesystem=home"))
    yield changed("host access", lambda m: m["finish-args"].append("--filesystem=host:ro"))
    yield changed("session bus", lambda m: m["finish-args"].append("--socket=session-bus"))
    yield changed("system bus", lambda m: m["finish-args"].append("--socket=system-bus"))
    yield changed("tests off", lambda m: m["modules"][-1].pop("run-tests"))
    yield changed("tests false", lambda m: m["modules"][-1].update({"run-tests": False}))
    yield changed("app not last",
                  lambda m: m["modules"].append({"name": "extra", "sources": []}))
    yield changed("git source",
                  lambda m: m["modules"][-1].update(
                      {"sources": [{"type": "git", "url": "https://example.com/x.git"}]}))
    yield changed("wayland dropped", lambda m: m["finish-args"].remove("--socket=wayland"))
    yield changed("network in tests",
                  lambda m: m["modules"][-1].setdefault("build-options", {})
                  .setdefault("test-args", []).append("--share=network"))


def main():
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)

    cases = list(broken_copies(manifest))
    print(f"1..{1 + len(cases)}")
    failed = False

    found = problems(manifest)
    if found:
        failed = True
        print(f"not ok 1 - {path} keeps the sandbox")
        for problem in found:
            print(f"# {problem}")
    else:
        print(f"ok 1 - {path} keeps the sandbox")

    for number, (description, broken) in enumerate(cases, start=2):
        if problems(broken):
            print(f"ok {number} - a manifest with {description} is refused")
        else:
            failed = True
            print(f"not ok {number} - a manifest with {description} is not refused")

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
