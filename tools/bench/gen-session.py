#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the benchmark's sessions: valid session files of a chosen size.

  gen-session.py large OUT   500 participants, 200 actions, 1 KB notes
  gen-session.py huge OUT    near the 16 MiB size limit: 500 participants and
                             500 actions with long descriptions

Both are what a real (if very large) workshop could produce, and both load in
the app: they stay inside every limit in docs/session-format.md.
"""
import json
import sys

CRITERIA = [
    ("l1.tools-purchased", 1), ("l1.budget-allocated", 1),
    ("l2.live-real-data", 2), ("l2.owned-use-case", 2), ("l2.adoption-measured", 2),
    ("l3.output-monitoring", 3), ("l3.rollback", 3), ("l3.cost-tracked", 3),
    ("l3.slo-reviewed", 3), ("l3.two-people", 3), ("l3.cost-capped", 3),
    ("l3.failure-process", 3),
    ("l4.core-operations", 4), ("l4.feedback-loops", 4), ("l4.literacy", 4),
    ("l4.repeatable-process", 4),
]
STATUSES = ["met", "met", "partly", "not-met", "unknown"]
HORIZONS = ["30-days", "quarter", "later"]


def prose(n, seed):
    """n characters of words, broken into sentences, different per seed."""
    words = ["monitoring", "rollback", "owner", "claims", "pipeline", "alert",
             "budget", "usage", "review", "runbook", "handlers", "drift"]
    out = []
    i = seed
    while sum(len(w) + 1 for w in out) < n:
        out.append(words[i % len(words)] + ("." if i % 9 == 8 else ""))
        i = i * 7 + 3
    return " ".join(out)[:n]


def session(participants, actions, note_len, description_len):
    ratings = {}
    for k, (cid, _level) in enumerate(CRITERIA):
        ratings[cid] = {"status": STATUSES[k % len(STATUSES)] if k > 1 else "met",
                        "note": prose(note_len, k)}
    return {
        "format": "apmm-session",
        "version": 1,
        "model": "apmm-1",
        "title": "Benchmark workshop",
        "organisation": "Bench Large Ltd",
        "facilitator": "Bench Facilitator",
        "date": "2026-11-30",
        "notes": prose(note_len, 99),
        "participants": [{"name": "Participant %d" % (i + 1),
                          "perceived_level": i % 5} for i in range(participants)],
        "target_level": 4,
        "ratings": ratings,
        "prompts": {p: {"notes": prose(note_len, j)}
                    for j, p in enumerate(["adoption", "production", "failure"])},
        "gaps": {cid: {"impact": 1 + k % 3, "effort": 1 + (k // 3) % 3,
                       "owner": "Participant %d" % (k + 1), "note": prose(note_len, k + 50)}
                 for k, (cid, level) in enumerate(CRITERIA) if level >= 2},
        "roadmap": [{"id": "a%d" % (i + 1),
                     "title": "Action %d: %s" % (i + 1, prose(60, i)),
                     "description": prose(description_len, i + 7),
                     "criteria": [CRITERIA[2 + i % 14][0]],
                     "owner": "Participant %d" % (i % participants + 1),
                     "horizon": HORIZONS[i % 3],
                     "due": "2027-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                     "status": ["planned", "in-progress", "done"][i % 3],
                     "measure": prose(80, i + 3)} for i in range(actions)],
    }


def main():
    kind, out = sys.argv[1], sys.argv[2]
    if kind == "large":
        data = session(500, 200, 1024, 1024)
    elif kind == "huge":
        data = session(500, 500, 4096, 30 * 1024)
    else:
        sys.exit("unknown kind %r: large or huge" % kind)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)


if __name__ == "__main__":
    main()
