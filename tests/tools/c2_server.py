#!/usr/bin/env python3
"""
c2_server.py - a small HTTP/1.1 server for making firedamp's http_download
test captures: it serves the inert files under tests/tools/c2www/c2 the ways
droppers' C2 servers do and nginx will not be told to:

    GET  /gz/NAME          gzip Content-Encoding whatever the client asked for
                           (even with no Accept-Encoding), Content-Length
    GET  /chunked/NAME     Transfer-Encoding: chunked, 64-byte chunks, each one
                           its own send (TCP_NODELAY) so each is a segment
    GET  /gzchunked/NAME   gzip and chunked: the gzip stream in 100-byte chunks
    GET  /deflate/NAME     Content-Encoding: deflate as RFC 9110 means it (zlib)
    GET  /rawdeflate/NAME  Content-Encoding: deflate sent as raw DEFLATE, no
                           zlib header (what some servers really send)
    POST /live.php         takes a Graboid live.sh style beacon, answers "ok"

Compression is deterministic (gzip mtime 0) so the decoded and the encoded
bodies are the same on every run. What it deliberately does not do: serve
anything outside ROOT, TLS, ranges, or run anything it serves. Bind it to
loopback inside a network namespace only:

    ip netns exec NS python3 tests/tools/c2_server.py ROOT 8080 127.0.0.67
"""
import gzip
import os
import socket
import sys
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = "."
CHUNK = 64
GZCHUNK = 100


def encode(kind, data):
    if kind in ("gz", "gzchunked"):
        return gzip.compress(data, 9, mtime=0)
    if kind == "deflate":
        return zlib.compress(data, 9)
    if kind == "rawdeflate":
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush()
    return data


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "c2_server/1.0"
    sys_version = ""

    def setup(self):
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):
        sys.stderr.write("c2_server: " + (fmt % args) + "\n")

    def small(self, code, body, ctype="text/plain"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.split("?", 1)[0].split("/")
        if len(parts) != 3 or parts[1] not in (
            "gz", "chunked", "gzchunked", "deflate", "rawdeflate"
        ) or parts[2] in ("", ".", ".."):
            return self.small(404, b"not found\n")
        kind, name = parts[1], parts[2]
        path = os.path.join(ROOT, name)
        if not os.path.isfile(path):
            return self.small(404, b"not found\n")
        with open(path, "rb") as f:
            body = encode(kind, f.read())
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if kind in ("gz", "gzchunked"):
            self.send_header("Content-Encoding", "gzip")
        elif kind in ("deflate", "rawdeflate"):
            self.send_header("Content-Encoding", "deflate")
        if kind in ("chunked", "gzchunked"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            step = CHUNK if kind == "chunked" else GZCHUNK
            for i in range(0, len(body), step):
                piece = body[i:i + step]
                self.wfile.write(b"%x\r\n" % len(piece) + piece + b"\r\n")
                time.sleep(0.002)
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n > 65536:
            return self.small(413, b"too large\n")
        self.rfile.read(n)
        if self.path.split("?", 1)[0] != "/live.php":
            return self.small(404, b"not found\n")
        self.small(200, b"ok\n")


def main():
    global ROOT
    if len(sys.argv) < 3:
        sys.exit("usage: c2_server.py ROOT PORT [ADDR]")
    ROOT = sys.argv[1]
    addr = sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"
    ThreadingHTTPServer((addr, int(sys.argv[2])), Handler).serve_forever()


if __name__ == "__main__":
    main()
