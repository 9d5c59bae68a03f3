#!/usr/bin/env python3
"""Golden comparison: expected JSON lines vs actual, event by event, field by field.

Usage: compare.py EXPECTED.jsonl ACTUAL.jsonl [--ignore a.b.c ...]

Every expected event must match the actual event at the same position in
every field (nested objects compared key by key, arrays element by element),
and no field may appear in one and not the other. Fields named with --ignore
(dotted paths, e.g. stats.memory) are skipped. Prints each difference with
the event index and the field path; exits 1 on any difference.
"""
import json
import sys


def diff(path, exp, act, out):
    if isinstance(exp, dict) and isinstance(act, dict):
        for k in sorted(set(exp) | set(act)):
            p = f"{path}.{k}" if path else k
            if p in IGNORE:
                continue
            if k not in act:
                out.append(f"{p}: missing (expected {json.dumps(exp[k])})")
            elif k not in exp:
                out.append(f"{p}: unexpected {json.dumps(act[k])}")
            else:
                diff(p, exp[k], act[k], out)
    elif isinstance(exp, list) and isinstance(act, list):
        if len(exp) != len(act):
            out.append(f"{path}: {len(act)} items, expected {len(exp)}: {json.dumps(act)}")
            return
        for i, (e, a) in enumerate(zip(exp, act)):
            diff(f"{path}[{i}]", e, a, out)
    elif exp != act or type(exp) is not type(act):
        out.append(f"{path}: {json.dumps(act)}, expected {json.dumps(exp)}")


def load(path):
    events = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            try:
                events.append(json.loads(line))
            except ValueError as e:
                sys.exit(f"{path}:{n}: not valid JSON: {e}")
    return events


args = sys.argv[1:]
IGNORE = set()
while "--ignore" in args:
    i = args.index("--ignore")
    IGNORE.add(args[i + 1])
    del args[i:i + 2]
if len(args) != 2:
    sys.exit(__doc__)
exp, act = load(args[0]), load(args[1])
problems = []
for i in range(max(len(exp), len(act))):
    if i >= len(act):
        problems.append(f"event {i}: missing: {json.dumps(exp[i])[:300]}")
        continue
    if i >= len(exp):
        problems.append(f"event {i}: unexpected: {json.dumps(act[i])[:300]}")
        continue
    d = []
    diff("", exp[i], act[i], d)
    problems += [f"event {i} ({exp[i].get('event_type')}): {x}" for x in d]
for p in problems[:50]:
    print(p)
if problems:
    print(f"{len(problems)} differences between {args[0]} and {args[1]}")
    sys.exit(1)
print(f"{len(exp)} events match")
