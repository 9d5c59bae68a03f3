/*
 * kinsing.c - the source of tests/tools/c2www/c2/kinsing, an INERT test binary
 * for firedamp's http_download captures. It is named like the Kinsing miner
 * only so the captures look like a dropper fetching its payload; all it does,
 * if anyone ever runs it, is print one line and exit. It is never executed by
 * the capture scripts (they send the download to /dev/null).
 *
 * Built once, and the binary committed so its SHA-256 stays fixed:
 *   gcc -Os -static -nostdlib -fno-pie -no-pie -fno-asynchronous-unwind-tables \
 *       -Wl,--build-id=none -s -o ../c2/kinsing kinsing.c
 * No libc on purpose: a static glibc binary is ~800 KB; this one is a few KB.
 */
static const char msg[] = "firedamp inert test binary: not a miner\n";

static long sys3(long n, long a, long b, long c)
{
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
    return r;
}

void _start(void)
{
    sys3(1, 1, (long)msg, sizeof(msg) - 1); /* write(1, msg, len) */
    sys3(60, 0, 0, 0);                      /* exit(0) */
    for (;;)
        ;
}
