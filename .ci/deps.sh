#!/bin/sh
# Installs the Debian packages firedamp builds and tests with, when missing.
# Safe to run again: does nothing when everything is there.
set -eu
pkgs="build-essential cmake pkg-config libpcap-dev libndpi-dev libhiredis-dev libyaml-dev
libssl-dev zlib1g-dev libpcre2-dev redis-server python3 clang libclang-rt-14-dev iproute2
tcpreplay ethtool"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing:$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
