#!/usr/bin/env python3
"""
fake_dockerd.py - a tiny fake Docker Engine API server for making test
captures of real clients (the docker CLI, curl, dockerode) talking to a
daemon. It answers just enough of the API for `docker version`, `docker
pull`, `docker run -d`, `docker exec` (hijacked, HTTP 101), `docker stop`,
`docker kill` and `docker rm` to complete. It runs nothing and stores
nothing: every container id is a fixed hash of its name.

What it deliberately does not do: TLS, real streams, auth, or any check of
the request bodies. Bind it to loopback inside a network namespace only:

    ip netns add fdtest && ip netns exec fdtest ip link set lo up
    ip netns exec fdtest python3 tests/tools/fake_dockerd.py 2375 &
"""
import hashlib
import json
import re
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

API = "1.41"
SERVER = "Docker/28.2.2 (linux)"


def hexid(seed):
    return hashlib.sha256(seed.encode()).hexdigest()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = SERVER
    sys_version = ""

    def log_message(self, fmt, *args):
        sys.stderr.write("fake_dockerd: " + (fmt % args) + "\n")

    def version_string(self):
        return SERVER

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return out
                out += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def reply(self, status, obj=None, ctype="application/json", raw=None):
        data = raw if raw is not None else (b"" if obj is None else
                                            (json.dumps(obj) + "\n").encode())
        self.send_response(status)
        self.send_header("Api-Version", API)
        self.send_header("Docker-Experimental", "false")
        self.send_header("Ostype", "linux")
        if status != 204 and status != 304:
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data and status != 204 and self.command != "HEAD":
            self.wfile.write(data)

    def route(self):
        path = re.sub(r"^/v1\.\d+", "", self.path.split("?", 1)[0])
        query = self.path.split("?", 1)[1] if "?" in self.path else ""
        body = self.body()
        m = self.command
        if path == "/_ping":
            return self.reply(200, raw=b"OK", ctype="text/plain; charset=utf-8")
        if path == "/version":
            return self.reply(200, {"Version": "28.2.2", "ApiVersion": API,
                                    "MinAPIVersion": "1.24", "Os": "linux",
                                    "Arch": "amd64", "KernelVersion": "6.1.0"})
        if path == "/info":
            return self.reply(200, {"ID": "fake", "Containers": 0, "Name": "fake"})
        if path == "/images/create" and m == "POST":
            name = re.search(r"fromImage=([^&]*)", query)
            name = name.group(1) if name else "unknown"
            lines = [{"status": "Pulling from " + name, "id": "latest"},
                     {"status": "Digest: sha256:" + hexid(name)},
                     {"status": "Status: Downloaded newer image for " + name}]
            raw = "".join(json.dumps(x) + "\r\n" for x in lines).encode()
            return self.reply(200, raw=raw)
        if re.match(r"^/images/[^/]+(/[^/]+)*/json$", path):
            return self.reply(200, {"Id": "sha256:" + hexid(path), "RepoTags": [],
                                    "Config": {"Cmd": ["sh"]}})
        if path == "/containers/create" and m == "POST":
            name = re.search(r"name=([^&]*)", query)
            cid = hexid(name.group(1) if name else body.decode("latin-1"))
            return self.reply(201, {"Id": cid, "Warnings": []})
        cm = re.match(r"^/containers/([^/]+)/(\w+)$", path)
        if cm and m == "POST" and cm.group(2) in ("start", "stop", "kill", "restart"):
            return self.reply(204)
        if cm and m == "POST" and cm.group(2) == "exec":
            return self.reply(201, {"Id": hexid("exec" + cm.group(1) + body.decode("latin-1"))})
        if cm and m == "POST" and cm.group(2) == "wait":
            return self.reply(200, {"StatusCode": 0})
        if cm and m == "GET" and cm.group(2) == "json":
            cid = cm.group(1)
            return self.reply(200, {"Id": hexid(cid) if len(cid) != 64 else cid,
                                    "Name": "/x", "State": {"Running": True},
                                    "Config": {"Tty": False}})
        dm = re.match(r"^/containers/([^/]+)$", path)
        if dm and m == "DELETE":
            return self.reply(204)
        em = re.match(r"^/exec/([^/]+)/(\w+)$", path)
        if em and em.group(2) == "json":
            return self.reply(200, {"ID": em.group(1), "Running": False, "ExitCode": 0})
        if em and em.group(2) == "start" and m == "POST":
            if "upgrade" in self.headers.get("Connection", "").lower():
                self.send_response(101)
                self.send_header("Content-Type", "application/vnd.docker.raw-stream")
                self.send_header("Connection", "Upgrade")
                self.send_header("Upgrade", "tcp")
                self.end_headers()
            else:
                self.send_response(200)
                self.send_header("Content-Type", "application/vnd.docker.raw-stream")
                self.end_headers()
            # one stdout frame of the multiplexed stream, then the hijack ends
            out = b"uid=0(root) gid=0(root)\n"
            self.wfile.write(b"\x01\x00\x00\x00" + len(out).to_bytes(4, "big") + out)
            self.wfile.flush()
            self.close_connection = True
            return None
        if em and em.group(2) == "resize":
            return self.reply(200)
        return self.reply(404, {"message": "page not found"})

    do_GET = do_POST = do_DELETE = do_HEAD = do_PUT = route


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 2375
    addr = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
    if not addr.startswith("127."):
        sys.exit("fake_dockerd: loopback addresses only")
    ThreadingHTTPServer((addr, port), Handler).serve_forever()


if __name__ == "__main__":
    main()
