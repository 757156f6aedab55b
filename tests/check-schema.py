#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Validates the example sessions, and each example as APMM Workshop saves it
# after a round trip, against data/session.schema.json with an independent
# validator (python3-jsonschema). Prints TAP.
#
# usage: check-schema.py SCHEMA FUZZ_REPLAY EXAMPLE…
#   FUZZ_REPLAY is tests/fuzz/replay.c built; `FUZZ_REPLAY --save FILE` loads
#   a session file and prints it as APMM Workshop saves it.

import json
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    # The Flatpak SDK has no jsonschema: say so instead of failing.
    print('1..0 # SKIP python3-jsonschema is not installed')
    sys.exit(0)


def main():
    schema_path, replay, *examples = sys.argv[1:]
    with open(schema_path, encoding='utf-8') as f:
        schema = json.load(f)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())

    cases = []
    for path in examples:
        with open(path, encoding='utf-8') as f:
            cases.append((path, f.read()))
        saved = subprocess.run([replay, '--save', path], check=True, capture_output=True, text=True).stdout
        cases.append((path + ' (saved again)', saved))

    # The schema must also refuse what the loader refuses, or it describes nothing.
    def altered(key, value):
        instance = json.loads(cases[0][1])
        instance[key] = value
        return instance

    with_presentation = altered('presentation', {'order': ['vote', 'title'], 'hidden': ['chasm'],
                                                 'reveal': {'gaps': ['owners']}})
    with_presentation['agenda'] = [{'title': 'Welcome', 'minutes': 15, 'slide': 'title'},
                                   {'title': 'Break', 'minutes': 15}]
    cases.append(('presentation and agenda', json.dumps(with_presentation)))

    wrong_cases = [
        ('agenda segment without minutes', altered('agenda', [{'title': 'A'}])),
        ('reveal of an unknown detail', altered('presentation', {'reveal': {'vote': ['emails']}})),
        ('unknown status', altered('ratings', {'l3.rollback': {'status': 'maybe'}})),
        ('unknown criterion', altered('ratings', {'l5.telepathy': {'status': 'met'}})),
        ('target level 7', altered('target_level', 7)),
        ('newer version', altered('version', 2)),
        ('bad horizon', altered('roadmap', [{'id': 'a1', 'horizon': 'soon'}])),
    ]

    print('1..%d' % (len(cases) + len(wrong_cases)))
    n = 0
    failed = False
    for name, text in cases:
        n += 1
        errors = sorted(validator.iter_errors(json.loads(text)), key=lambda e: list(e.path))
        if errors:
            failed = True
            print('not ok %d %s' % (n, name))
            for error in errors:
                print('# %s: %s' % ('/'.join(str(p) for p in error.path), error.message))
        else:
            print('ok %d %s' % (n, name))
    for name, instance in wrong_cases:
        n += 1
        if validator.is_valid(instance):
            failed = True
            print('not ok %d schema refuses: %s' % (n, name))
        else:
            print('ok %d schema refuses: %s' % (n, name))

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
