#!/bin/sh
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): a BENIGN vendor-style
# installer, the negative case for the http_download detector. It checks the
# OS, downloads a versioned release tarball to a file, verifies its SHA-256,
# unpacks it under /opt and tells the admin what to do next. It is served to
# capture clients and never executed; dl.vendor.example is a reserved name.
set -eu

VERSION=1.4.2
BASE_URL=https://dl.vendor.example/releases
TARBALL=frobctl-$VERSION.tar.gz
SHA256=97b2f5aefbe6d45b62b088524c95a8148989ade0d6f21fc61ddf7793fe073109
PREFIX=/opt

os=$(uname -s)
arch=$(uname -m)
case "$os" in
Linux) ;;
*)
    echo "frobctl: unsupported operating system: $os" >&2
    exit 1
    ;;
esac
case "$arch" in
x86_64 | aarch64) ;;
*)
    echo "frobctl: unsupported architecture: $arch" >&2
    exit 1
    ;;
esac

if ! command -v curl >/dev/null 2>&1; then
    echo "frobctl: please install curl first" >&2
    exit 1
fi

tmp=$(mktemp -d)
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

echo "Downloading frobctl $VERSION ..."
curl -fsSL -o "$tmp/$TARBALL" "$BASE_URL/v$VERSION/$TARBALL"

echo "Verifying checksum ..."
echo "$SHA256  $tmp/$TARBALL" | sha256sum -c --quiet

echo "Unpacking into $PREFIX ..."
mkdir -p "$PREFIX"
tar -xzf "$tmp/$TARBALL" -C "$PREFIX"

cat <<MSG

frobctl $VERSION was unpacked into $PREFIX/frobctl-$VERSION.
To build and install it:

    cd $PREFIX/frobctl-$VERSION
    make
    make install PREFIX=$PREFIX/frobctl

Documentation: https://dl.vendor.example/docs/
MSG
