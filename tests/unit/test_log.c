/*
 * test_log.c - the stderr line format of log.c, read back byte for byte from
 * a file standing in for stderr: level tags, the journald "<N>" prefix only
 * when JOURNAL_STREAM names that very file, level filtering, control bytes
 * flattened, long messages cut to one line, errno preserved.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "log.h"

static char path[] = "/tmp/firedamp-test-log-XXXXXX";
static int saved_stderr;

/* Points fd 2 at a fresh, empty temp file. */
static void capture_start(void)
{
    int fd = mkstemp(path);

    CHECK(fd >= 0);
    dup2(fd, STDERR_FILENO);
    close(fd);
}

/* What was written since capture_start; fd 2 is the real stderr again (for CHECK messages). */
static size_t capture_read(char *buf, size_t size)
{
    FILE *f = fopen(path, "rb");
    size_t n = 0;

    dup2(saved_stderr, STDERR_FILENO);

    if (f) {
        n = fread(buf, 1, size - 1, f);
        fclose(f);
    }
    buf[n] = '\0';
    unlink(path);
    strcpy(path, "/tmp/firedamp-test-log-XXXXXX");
    return n;
}

static void set_journal(int on)
{
    struct stat st;
    char v[64];

    if (!on) {
        unsetenv("JOURNAL_STREAM");
    } else {
        CHECK(fstat(STDERR_FILENO, &st) == 0);
        snprintf(v, sizeof(v), "%llu:%llu", (unsigned long long)st.st_dev,
                 (unsigned long long)st.st_ino);
        setenv("JOURNAL_STREAM", v, 1);
    }
    log_init();
}

int main(void)
{
    static char buf[8192], big[LOG_LINE_MAX * 2];
    size_t n;

    saved_stderr = dup(STDERR_FILENO);

    /* levels by name */
    CHECK_EQ(log_level_parse("warning"), LOG_WARNING);
    CHECK_EQ(log_level_parse("WARN"), LOG_WARNING);
    CHECK_EQ(log_level_parse("error"), LOG_ERR);
    CHECK_EQ(log_level_parse("debug"), LOG_DEBUG);
    CHECK_EQ(log_level_parse("loud"), -1);
    CHECK_EQ(log_level_parse(""), -1);
    CHECK_STR(log_level_name(LOG_NOTICE), "notice");
    CHECK_STR(log_level_name(42), "?");

    /* plain terminal/file format: errors untagged, warnings tagged */
    capture_start();
    set_journal(0);
    log_set_level(LOG_INFO);
    log_msg(LOG_ERR, "config: %s", "x.yaml:3: bad");
    log_msg(LOG_WARNING, "no signatures found");
    log_msg(LOG_INFO, "running as %s", "nobody");
    log_msg(LOG_DEBUG, "not shown at info");
    n = capture_read(buf, sizeof(buf));
    CHECK_STR(buf, "firedamp: config: x.yaml:3: bad\n"
                   "firedamp: warning: no signatures found\n"
                   "firedamp: running as nobody\n");
    CHECK_EQ(n, strlen(buf));

    /* the journal: the same lines behind sd-daemon priorities */
    capture_start();
    set_journal(1);
    log_set_level(LOG_DEBUG);
    log_msg(LOG_ERR, "e");
    log_msg(LOG_WARNING, "w");
    log_msg(LOG_NOTICE, "n");
    log_msg(LOG_DEBUG, "d");
    capture_read(buf, sizeof(buf));
    CHECK_STR(buf,
              "<3>firedamp: e\n<4>firedamp: warning: w\n<5>firedamp: n\n<7>firedamp: debug: d\n");

    /* JOURNAL_STREAM naming another file (stderr redirected away from the journal) */
    capture_start();
    setenv("JOURNAL_STREAM", "1:1", 1);
    log_init();
    log_msg(LOG_WARNING, "w");
    setenv("JOURNAL_STREAM", "garbage", 1);
    log_init();
    log_msg(LOG_WARNING, "g");
    capture_read(buf, sizeof(buf));
    CHECK_STR(buf, "firedamp: warning: w\nfiredamp: warning: g\n");

    /* filtering: at error only errors pass */
    capture_start();
    set_journal(0);
    log_set_level(LOG_ERR);
    log_msg(LOG_WARNING, "hidden");
    log_msg(LOG_INFO, "hidden");
    log_msg(LOG_ERR, "shown");
    log_set_level(99); /* ignored: stays at error */
    CHECK_EQ(log_get_level(), LOG_ERR);
    log_msg(LOG_NOTICE, "hidden");
    capture_read(buf, sizeof(buf));
    CHECK_STR(buf, "firedamp: shown\n");

    /* hostile text: a file name with a newline and escape stays on one line */
    capture_start();
    log_set_level(LOG_INFO);
    log_msg(LOG_ERR, "%s: not a pcap", "evil\nfiredamp: forged\x1b[2J");
    capture_read(buf, sizeof(buf));
    CHECK_STR(buf, "firedamp: evil firedamp: forged [2J: not a pcap\n");

    /* longer than a line: cut, marked, still exactly one line */
    memset(big, 'A', sizeof(big) - 1);
    big[sizeof(big) - 1] = '\0';
    capture_start();
    errno = ENOENT;
    log_msg(LOG_ERR, "%s", big);
    CHECK_EQ(errno, ENOENT); /* callers log, then use errno */
    n = capture_read(buf, sizeof(buf));
    CHECK_EQ(n, (size_t)LOG_LINE_MAX);
    CHECK(memcmp(buf + n - 4, "...\n", 4) == 0);
    CHECK(memchr(buf, '\n', n - 1) == NULL);

    dup2(saved_stderr, STDERR_FILENO);
    close(saved_stderr);
    return check_done();
}
