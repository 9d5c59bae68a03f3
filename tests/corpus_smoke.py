#!/usr/bin/env python3
"""Smoke test over every capture in ../shared/corpus (third-party, never copied).

For each pcap/pcapng: firedamp must exit 0, and every line it prints must be
valid JSON with the common fields of SCHEMA.md. Skips (exit 77) when the
corpus folder is absent.
Usage: corpus_smoke.py FIREDAMP SOURCE_DIR
"""
import json
import os
import subprocess
import sys

COMMON = {"timestamp": str, "event_type": str, "sensor": str}
FLOW = {"flow_id": int, "community_id": str, "src_ip": str, "src_port": int,
        "dest_ip": str, "dest_port": int, "proto": str}

bin_, src = sys.argv[1], sys.argv[2]
corpus = os.path.normpath(os.path.join(src, "..", "shared", "corpus"))
if not os.path.isdir(corpus):
    print(f"SKIP: {corpus} is absent: corpus smoke test not run")
    sys.exit(77)
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(corpus) for f in fs
               if f.endswith((".pcap", ".pcapng")))
failed = 0
for path in files:
    rel = os.path.relpath(path, corpus)
    p = subprocess.run([bin_, "--deterministic", "-r", path, "--flow-log", "-",
                        "--set", "signatures.dir=" + os.path.join(src, "signatures")],
                       capture_output=True, timeout=300)
    errs = []
    if p.returncode != 0:
        errs.append(f"exit {p.returncode}: {p.stderr.decode(errors='replace').strip()}")
    lines = p.stdout.decode("utf-8", errors="strict").splitlines()
    types = {}
    for n, line in enumerate(lines, 1):
        try:
            ev = json.loads(line)
        except ValueError as e:
            errs.append(f"line {n}: invalid JSON: {e}")
            continue
        need = dict(COMMON)
        if ev.get("event_type") != "stats":
            need.update(FLOW)
        for k, t in need.items():
            if not isinstance(ev.get(k), t):
                errs.append(f"line {n}: field {k} missing or not {t.__name__}")
        types[ev.get("event_type")] = types.get(ev.get("event_type"), 0) + 1
    if not any(json.loads(l).get("event_type") == "stats" for l in lines[-1:]):
        errs.append("no final stats event")
    status = "FAIL" if errs else "ok"
    print(f"{status} {rel}: {len(lines)} events {dict(sorted(types.items()))}")
    for e in errs[:5]:
        print(f"    {e}")
    failed += bool(errs)
print(f"{len(files) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
