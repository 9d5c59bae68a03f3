/*
 * log.c - one-line stderr messages with a level, and the journald priority
 * prefix when stderr is the journal. See log.h for the format.
 *
 * Not here: buffering (stderr lines must reach the journal even if the
 * process dies right after), locks (one write(2) per line is atomic enough
 * for lines this short on a pipe or socket), allocation.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"

static int log_level = LOG_INFO;
static int log_journal; /* stderr is the journal: add "<N>" */

static const struct {
    const char *name;
    int level;
} level_names[] = {
    {"error", LOG_ERR},     {"err", LOG_ERR},   {"warning", LOG_WARNING}, {"warn", LOG_WARNING},
    {"notice", LOG_NOTICE}, {"info", LOG_INFO}, {"debug", LOG_DEBUG},
};

void log_init(void)
{
    const char *js = getenv("JOURNAL_STREAM");
    unsigned long long dev, ino;
    struct stat st;
    char tail;

    /* systemd.exec(5): "device:inode" of the stream stderr was connected to */
    log_journal = 0;
    if (!js || sscanf(js, "%llu:%llu%c", &dev, &ino, &tail) != 2)
        return;
    if (fstat(STDERR_FILENO, &st) != 0)
        return;
    log_journal = (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void log_set_level(int level)
{
    if (level >= LOG_ERR && level <= LOG_DEBUG)
        log_level = level;
}

int log_get_level(void)
{
    return log_level;
}

int log_level_parse(const char *name)
{
    for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++)
        if (strcasecmp(name, level_names[i].name) == 0)
            return level_names[i].level;
    return -1;
}

const char *log_level_name(int level)
{
    switch (level) {
    case LOG_ERR:
        return "error";
    case LOG_WARNING:
        return "warning";
    case LOG_NOTICE:
        return "notice";
    case LOG_INFO:
        return "info";
    case LOG_DEBUG:
        return "debug";
    }
    return "?";
}

/* The word after "firedamp: ", or "" where the untagged form is the convention. */
static const char *level_tag(int level)
{
    switch (level) {
    case LOG_WARNING:
        return "warning: ";
    case LOG_DEBUG:
        return "debug: ";
    }
    return "";
}

void log_vmsg(int level, const char *fmt, va_list ap)
{
    char line[LOG_LINE_MAX];
    size_t len, start;
    int n, saved = errno; /* callers may log and then look at errno */

    if (level < LOG_ERR)
        level = LOG_ERR;
    if (level > LOG_DEBUG)
        level = LOG_DEBUG;
    if (level > log_level)
        return;
    len = 0;
    if (log_journal) { /* sd-daemon(3): "<4>" and the rest of the line */
        line[len++] = '<';
        line[len++] = (char)('0' + level);
        line[len++] = '>';
    }
    n = snprintf(line + len, sizeof(line) - len, "firedamp: %s", level_tag(level));
    len += n > 0 ? (size_t)n : 0;
    start = len;
    n = vsnprintf(line + len, sizeof(line) - len, fmt, ap);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof(line) - len) {
        len = sizeof(line) - 1; /* cut: vsnprintf terminated at the end of the buffer */
        memcpy(line + len - 3, "...", 3);
    } else {
        len += (size_t)n;
    }
    for (size_t i = start; i < len; i++)
        if ((unsigned char)line[i] < 0x20 || line[i] == 0x7f)
            line[i] = ' ';
    line[len++] = '\n';
    for (size_t off = 0; off < len;) {
        ssize_t w = write(STDERR_FILENO, line + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break; /* nowhere to say it: nothing else to do */
        off += (size_t)w;
    }
    errno = saved;
}

void log_msg(int level, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    log_vmsg(level, fmt, ap);
    va_end(ap);
}
