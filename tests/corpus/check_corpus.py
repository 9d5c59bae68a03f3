#!/usr/bin/env python3
"""Corpus ground-truth test (issue #3): every mining flow that a third-party
MANIFEST.md describes must be found with its fields, and every negative must
stay silent.

What it does: for each tests/corpus/<folder>.expect.json whose folder exists
under ../shared/corpus, runs
    FIREDAMP --deterministic -r FILE --flow-log - --set signatures.dir=SRC/signatures
on every capture the expectation names, parses every JSON line, and checks the
expectation field by field. Prints `ok`/`FAIL` per file with each mismatch as
expected vs got, then `N passed, M failed`. Exit 0 all passed, 1 any failure,
77 (skip) when the corpus is absent.

What it deliberately does not do: derive the truth. The expectations are data,
written from the MANIFEST.md lines they cite ("source") and the payload as
tshark shows it; when firedamp disagrees, the expectation stays and the test
fails, so a person decides which side is wrong. It checks mining (Stratum,
pool names) in depth, and the Docker API calls and HTTP downloads the
manifests name.

Expectation format (per file, all keys optional except class/source):
  sessions            list of expected `stratum` summary events, matched by
                      server "ip:port" (dest_ip/dest_port); keys: variant, user,
                      user_prefix, worker, pass, agent (substring, any case),
                      pool_host, confirmed, methods_include, min_jobs,
                      min_shares, min_accepted. Unmatched events are failures
                      unless "sessions_exact": false.
  session_count, session_variants {variant: n}, distinct_server_ips,
  session_servers {"ip:port": {variant: n}}, sessions_with_agent {text: n},
  confirmed_sessions {min, max}
                      aggregate checks for captures with hundreds of flows.
  tls / dns           [{sni | rrname, dest_port, type, count | min, alert}]:
                      events that must appear; `alert` = that sid must be on
                      the flow of one of them.
  downloads           [{url (substring), file_type, risk [list], count | min}]:
                      http_download events that must appear, each as listed.
  downloads_max_risk  no http_download event above this risk (benign captures).
  alerts              {sid: n | {min, max}}: sids other than the per-session
                      1001/1002/1003 (checked by the rule below); any sid not
                      listed must not fire. "alert_scope": [lo, hi] limits this
                      to a sid range.
Per-session alert rule (signatures/README.md): a confirmed session's flow
carries 1001 alone or 1003 then 1002; an unconfirmed one 1003 alone; 1001-1003
never appear on a flow without a stratum session.

Usage: check_corpus.py FIREDAMP SOURCE_DIR   (FIREDAMP_CORPUS overrides the
corpus location)
"""
import collections
import glob
import json
import os
import subprocess
import sys

SESSION_SIDS = {1001, 1002, 1003}
MAX_LINES = 40  # mismatch lines printed per file; the rest are counted


def spec_ok(spec, n):
    """An alert/event count spec: an int (exact) or {min, max}."""
    if isinstance(spec, int):
        return n == spec
    return n >= spec.get("min", 0) and ("max" not in spec or n <= spec["max"])


def spec_str(spec):
    if isinstance(spec, int):
        return str(spec)
    lo, hi = spec.get("min", 0), spec.get("max")
    return f">= {lo}" if hi is None else f"{lo}..{hi}"


def session_mismatches(exp, got):
    """Field-by-field differences between one expected session and one event."""
    s = got.get("stratum", {})
    out = []

    def diff(key, want, have):
        out.append(f"{key}: expected {want!r}, got {have!r}")

    for key in ("variant", "user", "worker", "pass", "pool_host", "confirmed"):
        if key in exp and s.get(key) != exp[key]:
            diff(key, exp[key], s.get(key))
    if "user_prefix" in exp and not str(s.get("user", "")).startswith(exp["user_prefix"]):
        diff("user (prefix)", exp["user_prefix"] + "...", s.get("user"))
    if "agent" in exp and exp["agent"].lower() not in str(s.get("agent", "")).lower():
        diff("agent (contains)", exp["agent"], s.get("agent"))
    if "methods_include" in exp:
        missing = [m for m in exp["methods_include"] if m not in s.get("methods", [])]
        if missing:
            diff("methods (include)", exp["methods_include"], s.get("methods"))
    for key in ("jobs", "shares", "accepted"):
        want = exp.get("min_" + key)
        if want is not None and not (isinstance(s.get(key), int) and s[key] >= want):
            diff(key, f">= {want}", s.get(key))
    return out


def match_sessions(expected, observed):
    """Pairs expected sessions with stratum events on the same server: perfect
    matches first, then the closest remaining one. Returns (pairs, unmatched)."""
    by_server = collections.defaultdict(list)
    for ev in observed:
        by_server[f"{ev.get('dest_ip')}:{ev.get('dest_port')}"].append(ev)
    used, pairs = set(), [None] * len(expected)
    for perfect in (True, False):
        for i, exp in enumerate(expected):
            if pairs[i] is not None:
                continue
            best = None
            for ev in by_server.get(exp["server"], []):
                if id(ev) in used:
                    continue
                mm = session_mismatches(exp, ev)
                if perfect and mm:
                    continue
                if best is None or len(mm) < len(best[1]):
                    best = (ev, mm)
            if best is not None:
                used.add(id(best[0]))
                pairs[i] = best
    unmatched = [ev for ev in observed if id(ev) not in used]
    return pairs, unmatched


def check_file(exp, events):
    """Returns the list of mismatch strings for one capture."""
    errs = []
    sessions = [e for e in events if e.get("event_type") == "stratum"]
    alerts = [e for e in events if e.get("event_type") == "alert"]
    flow_sids = collections.defaultdict(list)
    for a in alerts:
        flow_sids[a.get("flow_id")].append(a.get("alert", {}).get("signature_id"))

    # Expected sessions, field by field.
    if "sessions" in exp:
        pairs, unmatched = match_sessions(exp["sessions"], sessions)
        for e, p in zip(exp["sessions"], pairs):
            tag = f"session {e['server']} ({e.get('variant', '?')})"
            if p is None:
                errs.append(f"{tag}: expected a stratum event, got none  [{e.get('source', '')}]")
            else:
                for m in p[1]:
                    errs.append(f"{tag} flow_id {p[0].get('flow_id')}: {m}  [{e.get('source', '')}]")
        if exp.get("sessions_exact", True):
            for ev in unmatched:
                s = ev.get("stratum", {})
                errs.append(f"unexpected stratum session {ev.get('src_ip')}:{ev.get('src_port')} -> "
                            f"{ev.get('dest_ip')}:{ev.get('dest_port')} variant {s.get('variant')!r} "
                            f"user {s.get('user')!r} methods {s.get('methods')}  [{exp['source']}]")

    # Aggregates for the captures with hundreds of flows.
    if "session_count" in exp and len(sessions) != exp["session_count"]:
        errs.append(f"stratum sessions: expected {exp['session_count']}, got {len(sessions)}")
    if "session_variants" in exp:
        got = collections.Counter(e.get("stratum", {}).get("variant") for e in sessions)
        if got != collections.Counter(exp["session_variants"]):
            errs.append(f"session variants: expected {exp['session_variants']}, got {dict(got)}")
    if "distinct_server_ips" in exp:
        n = len({e.get("dest_ip") for e in sessions})
        if n != exp["distinct_server_ips"]:
            errs.append(f"distinct server IPs: expected {exp['distinct_server_ips']}, got {n}")
    if "session_servers" in exp:
        got = collections.defaultdict(collections.Counter)
        for e in sessions:
            got[f"{e.get('dest_ip')}:{e.get('dest_port')}"][e.get("stratum", {}).get("variant")] += 1
        for srv in sorted(set(exp["session_servers"]) | set(got)):
            want = collections.Counter(exp["session_servers"].get(srv, {}))
            if want != got.get(srv, collections.Counter()):
                errs.append(f"sessions to {srv}: expected {dict(want)}, got {dict(got.get(srv, {}))}")
    for text, want in exp.get("sessions_with_agent", {}).items():
        n = sum(1 for e in sessions if text.lower() in str(e.get("stratum", {}).get("agent", "")).lower())
        if n != want:
            errs.append(f"sessions with agent containing {text!r}: expected {want}, got {n}")
    if "confirmed_sessions" in exp:
        n = sum(1 for e in sessions if e.get("stratum", {}).get("confirmed") is True)
        if not spec_ok(exp["confirmed_sessions"], n):
            errs.append(f"confirmed sessions: expected {spec_str(exp['confirmed_sessions'])}, got {n}")

    # Per-session alert rule, by flow_id.
    session_flows = {}
    for ev in sessions:
        fid = ev.get("flow_id")
        session_flows[fid] = ev
        sids = sorted(s for s in flow_sids.get(fid, []) if s in SESSION_SIDS)
        ok = (sids in ([1001], [1002, 1003])) if ev.get("stratum", {}).get("confirmed") else sids == [1003]
        if not ok:
            want = "[1001] or [1002, 1003]" if ev.get("stratum", {}).get("confirmed") else "[1003]"
            errs.append(f"alerts on session flow {fid} ({ev.get('dest_ip')}:{ev.get('dest_port')}, "
                        f"confirmed={ev.get('stratum', {}).get('confirmed')}): expected {want}, got {sids}")
    for fid, sids in flow_sids.items():
        stray = [s for s in sids if s in SESSION_SIDS]
        if stray and fid not in session_flows:
            errs.append(f"alerts {stray} on flow {fid}, which has no stratum session")

    # TLS and DNS events the manifest names.
    for t in exp.get("tls", []):
        evs = [e for e in events if e.get("event_type") == "tls" and e.get("tls", {}).get("sni") == t["sni"]
               and ("dest_port" not in t or e.get("dest_port") == t["dest_port"])]
        spec = t["count"] if "count" in t else {"min": t.get("min", 1)}
        if not spec_ok(spec, len(evs)):
            errs.append(f"tls sni {t['sni']!r} port {t.get('dest_port')}: expected {spec_str(spec)} events, "
                        f"got {len(evs)}  [{t.get('source', '')}]")
        if "alert" in t and evs and not any(t["alert"] in flow_sids.get(e.get("flow_id"), []) for e in evs):
            errs.append(f"tls sni {t['sni']!r}: expected alert {t['alert']} on its flow, got "
                        f"{sorted({s for e in evs for s in flow_sids.get(e.get('flow_id'), [])})}  "
                        f"[{t.get('source', '')}]")
    for d in exp.get("dns", []):
        evs = [e for e in events if e.get("event_type") == "dns"
               and str(e.get("dns", {}).get("rrname", "")).lower() == d["rrname"].lower()
               and ("type" not in d or e.get("dns", {}).get("type") == d["type"])]
        spec = d["count"] if "count" in d else {"min": d.get("min", 1)}
        if not spec_ok(spec, len(evs)):
            errs.append(f"dns {d.get('type', '')} {d['rrname']!r}: expected {spec_str(spec)} events, got "
                        f"{len(evs)}  [{d.get('source', '')}]")
        if "alert" in d and evs and not any(d["alert"] in flow_sids.get(e.get("flow_id"), []) for e in evs):
            errs.append(f"dns {d['rrname']!r}: expected alert {d['alert']} on its flow, got none  "
                        f"[{d.get('source', '')}]")

    # Docker Engine API calls the manifest names: each field as listed.
    for c in exp.get("docker_api", []):
        fields = {k: v for k, v in c.items() if k not in ("count", "min", "source")}
        evs = [e for e in events if e.get("event_type") == "docker_api"
               and all(e.get("docker_api", {}).get(k) == v for k, v in fields.items())]
        spec = c["count"] if "count" in c else {"min": c.get("min", 1)}
        if not spec_ok(spec, len(evs)):
            errs.append(f"docker_api {fields}: expected {spec_str(spec)} events, got {len(evs)}  "
                        f"[{c.get('source', '')}]")

    # HTTP downloads (issue 5): transfers the manifest names, with their type and
    # risk; and, where a manifest calls a capture benign, nothing above a risk.
    rank = {"info": 0, "low": 1, "medium": 2, "high": 3}
    downloads = [e for e in events if e.get("event_type") == "http_download"]
    for d in exp.get("downloads", []):
        evs = [e for e in downloads if d["url"] in e["http_download"].get("url", "")]
        spec = d["count"] if "count" in d else {"min": d.get("min", 1)}
        if not spec_ok(spec, len(evs)):
            errs.append(f"http_download {d['url']!r}: expected {spec_str(spec)} events, got "
                        f"{len(evs)}  [{d.get('source', '')}]")
        for e in evs:
            h = e["http_download"]
            if "file_type" in d and h.get("file_type") != d["file_type"]:
                errs.append(f"http_download {d['url']!r}: file_type {h.get('file_type')!r}, "
                            f"expected {d['file_type']!r}  [{d.get('source', '')}]")
            if "risk" in d and h.get("risk") not in d["risk"]:
                errs.append(f"http_download {d['url']!r}: risk {h.get('risk')!r}, expected one of "
                            f"{d['risk']}  [{d.get('source', '')}]")
    if "downloads_max_risk" in exp:
        for e in downloads:
            r = e["http_download"].get("risk", "info")
            if rank.get(r, 9) > rank[exp["downloads_max_risk"]]:
                errs.append(f"http_download {e['http_download'].get('url')!r}: risk {r}, at most "
                            f"{exp['downloads_max_risk']} expected (benign capture)")

    # Every other alert: listed counts, nothing else in scope.
    lo, hi = exp.get("alert_scope", [0, 1 << 32])
    got = collections.Counter(a.get("alert", {}).get("signature_id") for a in alerts)
    want = {int(k): v for k, v in exp.get("alerts", {}).items()}
    for sid in sorted(set(want) | set(got)):
        if sid in SESSION_SIDS and sid not in want:
            continue
        if not (lo <= sid <= hi):
            continue
        if sid in want:
            if not spec_ok(want[sid], got.get(sid, 0)):
                errs.append(f"alert {sid}: expected {spec_str(want[sid])}, got {got.get(sid, 0)}")
        else:
            detail = sorted({str(a.get("dns", {}).get("rrname") or a.get("tls", {}).get("sni")
                                 or f"{a.get('dest_ip')}:{a.get('dest_port')}")
                             for a in alerts if a.get("alert", {}).get("signature_id") == sid})
            errs.append(f"alert {sid}: expected 0, got {got[sid]} ({', '.join(detail[:5])})  [{exp['source']}]")
    return errs


def summary(events):
    c = collections.Counter()
    for e in events:
        t = e.get("event_type")
        if t == "alert":
            c[f"alert{e.get('alert', {}).get('signature_id')}"] += 1
        elif t in ("stratum", "dns", "tls"):
            c[t] += 1
    return " ".join(f"{k}={v}" for k, v in sorted(c.items())) or "silent"


def main():
    if len(sys.argv) != 3:
        print("usage: check_corpus.py FIREDAMP SOURCE_DIR", file=sys.stderr)
        return 2
    bin_, src = sys.argv[1], sys.argv[2]
    corpus = os.environ.get("FIREDAMP_CORPUS") or os.path.normpath(os.path.join(src, "..", "shared", "corpus"))
    if not os.path.isdir(corpus):
        print(f"SKIP: {corpus} is absent: corpus ground-truth test not run")
        return 77
    specs = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "*.expect.json")))
    passed = failed = folders = 0
    for path in specs:
        with open(path) as fh:
            doc = json.load(fh)
        folder = os.path.join(corpus, doc["folder"])
        if not os.path.isdir(folder):
            print(f"skip {doc['folder']}/: absent from {corpus}")
            continue
        folders += 1
        present = {f for f in os.listdir(folder) if f.endswith((".pcap", ".pcapng"))}
        for name in sorted(present - set(doc["files"])):
            print(f"FAIL {doc['folder']}/{name}: no expectation in {os.path.basename(path)}")
            failed += 1
        for name, exp in doc["files"].items():
            rel = f"{doc['folder']}/{name}"
            if name not in present:
                print(f"FAIL {rel}: capture missing from {folder}")
                failed += 1
                continue
            cmd = [bin_, "--deterministic", "-r", os.path.join(folder, name), "--flow-log", "-",
                   "--set", "signatures.dir=" + os.path.join(src, "signatures"),
                   # the ground truth checks every query the dissector saw, answered or not
                   "--set", "dns.log_queries=yes"]
            p = subprocess.run(cmd, capture_output=True, timeout=900)
            errs, events = [], []
            if p.returncode != 0:
                errs.append(f"exit status: expected 0, got {p.returncode}: "
                            f"{p.stderr.decode(errors='replace').strip()}")
            for n, line in enumerate(p.stdout.decode(errors="replace").splitlines(), 1):
                try:
                    events.append(json.loads(line))
                except ValueError as e:
                    errs.append(f"line {n}: invalid JSON: {e}")
            errs += check_file(exp, events)
            print(f"{'FAIL' if errs else 'ok'} {rel} [{exp['class']}]: {summary(events)}")
            for e in errs[:MAX_LINES]:
                print(f"    {e}")
            if len(errs) > MAX_LINES:
                print(f"    ... {len(errs) - MAX_LINES} more")
            failed += bool(errs)
            passed += not errs
    if folders == 0:
        print(f"SKIP: none of the expected folders is in {corpus}")
        return 77
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
