#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The About window and the metainfo describe the same app: this checks that
# they agree on the facts a user can compare (version, website, bug tracker,
# developer) and that the newest release in the metainfo is the version meson
# builds. Usage: check-metainfo.py METAINFO VERSION APPLICATION_C. Output is TAP.

import sys
import xml.etree.ElementTree as ET


def main():
    metainfo_path, version, application_c = sys.argv[1:4]
    root = ET.parse(metainfo_path).getroot()
    with open(application_c, encoding="utf-8") as f:
        about_source = f.read()

    releases = root.findall("./releases/release")
    urls = {url.get("type"): url.text for url in root.findall("./url")}
    developer = root.findtext("./developer_name")

    checks = [
        ("the newest release is the project version",
         bool(releases) and releases[0].get("version") == version),
        ("the releases are listed newest first",
         [r.get("date") for r in releases] == sorted((r.get("date") for r in releases),
                                                     reverse=True)),
        ("the About window links the homepage",
         urls.get("homepage") is not None and f'"{urls["homepage"]}"' in about_source),
        ("the About window links the bug tracker",
         urls.get("bugtracker") is not None and f'"{urls["bugtracker"]}"' in about_source),
        ("the About window names the developer",
         developer is not None and f'"{developer}"' in about_source),
        ("every screenshot is an https URL under data/screenshots/",
         all(image.text.startswith("https://") and "/data/screenshots/" in image.text
             for image in root.findall("./screenshots/screenshot/image"))),
    ]

    print(f"1..{len(checks)}")
    failed = False
    for number, (description, passed) in enumerate(checks, start=1):
        print(f"{'ok' if passed else 'not ok'} {number} - {description}")
        failed = failed or not passed
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
