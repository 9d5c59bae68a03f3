/*
 * log.h - the sensor's own messages on stderr, one line each, in a form both
 * a terminal and journald read well: "firedamp: warning: text". When stderr
 * is the journal (systemd sets JOURNAL_STREAM to stderr's device:inode) every
 * line also starts with the sd-daemon(3) priority prefix "<4>", so journalctl
 * -p warning filters on it.
 *
 * Levels are syslog's (LOG_ERR .. LOG_DEBUG from <syslog.h>, the same numbers
 * the prefix carries). Errors print as "firedamp: text", warnings as
 * "firedamp: warning: text", notice and info as "firedamp: text", debug as
 * "firedamp: debug: text": the untagged error form is what the sensor always
 * printed and what tests and operators grep for.
 *
 * Deliberately not: syslog(3), timestamps (journald and a terminal user have
 * their own), files, rotation, rate limiting. Modules other than main.c may
 * still write to stderr directly; converting them is additive.
 */
#ifndef FIREDAMP_LOG_H
#define FIREDAMP_LOG_H

#include <stdarg.h>
#include <syslog.h>

/* Longest line written; longer messages are cut and end in "...". */
#define LOG_LINE_MAX 2048

/*
 * Reads JOURNAL_STREAM and compares it with stderr's device and inode. Call
 * once at start-up, before threads start, and again if fd 2 is replaced.
 */
void log_init(void);

/* Messages above `level` are dropped (default LOG_INFO). Start-up only. */
void log_set_level(int level);
int log_get_level(void);

/* "error", "warning", "notice", "info", "debug" (also "err", "warn"): the level, or -1. */
int log_level_parse(const char *name);

/* The name of a level, "?" for anything else. */
const char *log_level_name(int level);

/*
 * Writes one line to stderr with a single write(2), so lines of different
 * threads never interleave. Newlines and other control bytes in the text
 * (a hostile file name, a server's error string) become spaces: one message
 * is always one line. Any thread may call it; it never fails the caller.
 */
__attribute__((format(printf, 2, 3))) void log_msg(int level, const char *fmt, ...);
__attribute__((format(printf, 2, 0))) void log_vmsg(int level, const char *fmt, va_list ap);

#endif
