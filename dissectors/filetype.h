/*
 * filetype.h - what a body is, from its first bytes (content sniffing), for
 * the C2-download dissector: the `file_type` of an http_download event.
 *
 * The verdict comes from the bytes only, never from a URL, a file name or a
 * Content-Type (droppers serve ELF files as text/plain and scripts as
 * image/png). The caller hands the first bytes of the *decoded* body (after
 * de-chunking and content decoding); FILETYPE_SNIFF_BYTES is enough for every
 * rule, and fewer bytes (a short body) are judged as they are.
 *
 * Pure C, libc only, no allocation, no globals, reentrant.
 */
#ifndef FIREDAMP_FILETYPE_H
#define FIREDAMP_FILETYPE_H

#include <stddef.h>
#include <stdint.h>

#define FILETYPE_SNIFF_BYTES 1024 /* bytes of the body start the sniffer may look at */

enum file_type {
    FT_OTHER = 0, /* none of the below: HTML, JSON, images, plain prose, empty */
    FT_SHELL,     /* POSIX sh / bash script, with or without a #! line */
    FT_ELF,       /* ELF object (any class, any machine) */
    FT_PE,        /* MZ + PE header (Windows executable or DLL) */
    FT_PYTHON,    /* Python source (#! python, or Python-only statements) */
    FT_PERL,      /* Perl source */
    FT_ARCHIVE,   /* gzip, tar (ustar), zip, bzip2, xz, 7z */
    FT_COUNT,
};

/*
 * The schema name of a type: "other", "shell-script", "elf", "pe", "python",
 * "perl", "archive". Never NULL; static.
 */
const char *filetype_name(enum file_type t);

/* Scripts are the types whose text the indicator scanner reads. */
int filetype_is_script(enum file_type t);

/* Types a host runs as they are: scripts, ELF, PE. */
int filetype_is_executable(enum file_type t);

/*
 * Sniffs the first n bytes of a decoded body (n may be less than
 * FILETYPE_SNIFF_BYTES; only the first FILETYPE_SNIFF_BYTES are read).
 * `detail`, when not NULL, receives a short static description for the
 * event ("ELF 64-bit x86-64", "gzip", "zip", "bash", "html"); never NULL
 * then, "" when nothing more is known.
 */
enum file_type filetype_sniff(const uint8_t *p, size_t n, const char **detail);

#endif
