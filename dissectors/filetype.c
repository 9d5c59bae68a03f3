/*
 * filetype.c - content sniffing of a decoded body's first bytes (contract in
 * filetype.h): magic numbers for executables, archives and images, then, for
 * text, the #! line or a line-based heuristic for scripts that have none.
 *
 * The order of the rules matters: binary magic first (an ELF is never text),
 * then markup and JSON (an HTML page with an inline script is a page, not a
 * script), then #!, then the heuristics, which need several lines that only
 * a script would hold (prose that mentions curl once is text).
 *
 * What it deliberately does not do: look past FILETYPE_SNIFF_BYTES, parse
 * an executable beyond its header, open archives (a tarball of source is an
 * archive, whatever it holds), guess from names or Content-Type, or judge
 * whether a script is malicious (the indicator scanner reads the text).
 */
#include "filetype.h"

#include <string.h>

#define FT_TEXT_MIN_PCT 95 /* printable bytes a text must have, in percent */
#define FT_LINES_MAX    24 /* non-comment lines the script heuristics look at */
#define FT_SHELL_MIN    2  /* shell-like lines needed without a #! */

const char *filetype_name(enum file_type t)
{
    static const char *const names[FT_COUNT] = {
        [FT_OTHER] = "other",     [FT_SHELL] = "shell-script", [FT_ELF] = "elf",
        [FT_PE] = "pe",           [FT_PYTHON] = "python",      [FT_PERL] = "perl",
        [FT_ARCHIVE] = "archive",
    };

    if ((unsigned)t >= FT_COUNT)
        return "other";
    return names[t];
}

int filetype_is_script(enum file_type t)
{
    return t == FT_SHELL || t == FT_PYTHON || t == FT_PERL;
}

int filetype_is_executable(enum file_type t)
{
    return filetype_is_script(t) || t == FT_ELF || t == FT_PE;
}

/* Sets the detail and returns the type: every rule ends in one verdict. */
static enum file_type verdict(const char **detail, const char *d, enum file_type t)
{
    *detail = d;
    return t;
}

static int starts(const uint8_t *p, size_t n, const char *lit, size_t litlen)
{
    return n >= litlen && memcmp(p, lit, litlen) == 0;
}

#define STARTS(p, n, lit) starts(p, n, lit, sizeof(lit) - 1)

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-insensitive prefix test of a NUL-terminated literal. */
static int starts_nocase(const uint8_t *p, size_t n, const char *lit)
{
    size_t l = strlen(lit);

    if (n < l)
        return 0;
    for (size_t i = 0; i < l; i++)
        if (lower(p[i]) != lower((uint8_t)lit[i]))
            return 0;
    return 1;
}

/* ---- executables ------------------------------------------------------------ */

static unsigned rd16(const uint8_t *p, int be)
{
    return be ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static uint32_t rd32le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static const char *elf_detail(const uint8_t *p, size_t n)
{
    static const struct {
        unsigned machine;
        const char *s32, *s64;
    } mach[] = {
        {3, "ELF 32-bit i386", "ELF 64-bit i386"},
        {62, "ELF 32-bit x86-64", "ELF 64-bit x86-64"},
        {40, "ELF 32-bit ARM", "ELF 64-bit ARM"},
        {183, "ELF 32-bit AArch64", "ELF 64-bit AArch64"},
        {8, "ELF 32-bit MIPS", "ELF 64-bit MIPS"},
        {20, "ELF 32-bit PowerPC", "ELF 64-bit PowerPC"},
        {21, "ELF 32-bit PowerPC64", "ELF 64-bit PowerPC64"},
        {243, "ELF 32-bit RISC-V", "ELF 64-bit RISC-V"},
        {22, "ELF 32-bit S/390", "ELF 64-bit S/390"},
        {2, "ELF 32-bit SPARC", "ELF 64-bit SPARC"},
        {43, "ELF 32-bit SPARC V9", "ELF 64-bit SPARC V9"},
        {258, "ELF 32-bit LoongArch", "ELF 64-bit LoongArch"},
    };
    int cls = n > 4 ? p[4] : 0, be = n > 5 && p[5] == 2;

    if (cls != 1 && cls != 2)
        return "ELF";
    if (n >= 20) {
        unsigned m = rd16(p + 18, be);

        for (size_t i = 0; i < sizeof(mach) / sizeof(mach[0]); i++)
            if (mach[i].machine == m)
                return cls == 1 ? mach[i].s32 : mach[i].s64;
    }
    return cls == 1 ? "ELF 32-bit" : "ELF 64-bit";
}

/* MZ, and the PE header at e_lfanew when the sniffed bytes reach it. */
static const char *pe_detail(const uint8_t *p, size_t n)
{
    static const struct {
        unsigned machine;
        const char *exe, *dll;
    } mach[] = {
        {0x14c, "PE32 i386", "PE32 i386 DLL"},
        {0x8664, "PE32+ x86-64", "PE32+ x86-64 DLL"},
        {0xaa64, "PE32+ AArch64", "PE32+ AArch64 DLL"},
        {0x1c0, "PE32 ARM", "PE32 ARM DLL"},
        {0x1c4, "PE32 ARMv7", "PE32 ARMv7 DLL"},
    };
    uint32_t lfa;

    if (n < 0x40)
        return "MZ";
    lfa = rd32le(p + 0x3c);
    if (lfa > n || n - lfa < 24 || memcmp(p + lfa, "PE\0\0", 4) != 0)
        return "MZ";
    {
        unsigned m = rd16(p + lfa + 4, 0), ch = rd16(p + lfa + 22, 0);
        int dll = (ch & 0x2000) != 0;

        for (size_t i = 0; i < sizeof(mach) / sizeof(mach[0]); i++)
            if (mach[i].machine == m)
                return dll ? mach[i].dll : mach[i].exe;
        return dll ? "PE DLL" : "PE";
    }
}

/* ---- text ------------------------------------------------------------------- */

/* No NUL, and at least FT_TEXT_MIN_PCT percent printable (UTF-8 bytes count). */
static int is_text(const uint8_t *p, size_t n)
{
    size_t good = 0;

    for (size_t i = 0; i < n; i++) {
        uint8_t c = p[i];

        if (c == 0)
            return 0;
        if ((c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            good++;
    }
    return good * 100 >= n * FT_TEXT_MIN_PCT;
}

static int is_word_end(const uint8_t *p, size_t n, size_t i)
{
    return i >= n || p[i] == ' ' || p[i] == '\t' || p[i] == ';' || p[i] == '\r' || p[i] == '\n';
}

/* Does line l[0..n) start with word w (followed by a separator or the line end)? */
static int word_is(const uint8_t *l, size_t n, const char *w)
{
    size_t k = strlen(w);

    return n >= k && memcmp(l, w, k) == 0 && is_word_end(l, n, k);
}

/* The interpreter of a "#!" line at p (n bytes): sets the type and detail. */
static enum file_type shebang(const uint8_t *p, size_t n, const char **detail)
{
    static const char *const shells[] = {"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh"};
    size_t i = 2, s = 2, e = 2;

    for (int pass = 0; pass < 3; pass++) {
        while (i < n && (p[i] == ' ' || p[i] == '\t'))
            i++;
        s = i;
        while (i < n && p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
            i++;
        e = i;
        for (size_t k = s; k < e; k++) /* basename */
            if (p[k] == '/')
                s = k + 1;
        if (e > s && (e - s != 3 || memcmp(p + s, "env", 3) != 0) &&
            !(pass > 0 && p[s] == '-')) /* "env -S bash": skip env's options */
            break;
    }
    if (e == s)
        return verdict(detail, "script", FT_OTHER);
    for (size_t k = 0; k < sizeof(shells) / sizeof(shells[0]); k++)
        if (strlen(shells[k]) == e - s && memcmp(p + s, shells[k], e - s) == 0)
            return verdict(detail, shells[k], FT_SHELL);
    if (e - s == 7 && memcmp(p + s, "busybox", 7) == 0) {
        while (i < n && (p[i] == ' ' || p[i] == '\t'))
            i++;
        if (word_is(p + i, n - i, "sh") || word_is(p + i, n - i, "ash"))
            return verdict(detail, "busybox sh", FT_SHELL);
        return verdict(detail, "script", FT_OTHER);
    }
    if (e - s >= 6 && memcmp(p + s, "python", 6) == 0)
        return verdict(detail, "python", FT_PYTHON);
    if (e - s >= 4 && memcmp(p + s, "perl", 4) == 0)
        return verdict(detail, "perl", FT_PERL);
    return verdict(detail, "script", FT_OTHER);
}

/* A line only a shell script would start with (l is trimmed of leading blanks). */
static int shell_line(const uint8_t *l, size_t n)
{
    static const char *const words[] = {
        "curl",      "wget",    "chmod",    "chown",      "chattr",  "cd",      "export",  "echo",
        "printf",    "fi",      "done",     "then",       "else",    "elif",    "do",      "esac",
        "mkdir",     "nohup",   "pkill",    "killall",    "crontab", "ulimit",  "unset",   "exit",
        "systemctl", "service", "iptables", "setenforce", "sleep",   "touch",   "ln",      "source",
        "tftp",      "busybox", "sudo",     "apt-get",    "yum",     "useradd", "history", "trap",
    };
    size_t k = 0;

    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (word_is(l, n, words[i]))
            return 1;
    if (STARTS(l, n, "if [") || STARTS(l, n, "if ! ") || STARTS(l, n, "while [") ||
        STARTS(l, n, "rm -") || STARTS(l, n, "kill -") || STARTS(l, n, "sh -c") ||
        STARTS(l, n, "bash -c") || STARTS(l, n, "set -") || STARTS(l, n, "cat >") ||
        STARTS(l, n, "[ ") || STARTS(l, n, "[[ ") || STARTS(l, n, "./"))
        return 1;
    if (STARTS(l, n, "for ")) { /* for x in ...; do */
        for (size_t i = 4; i + 4 <= n; i++)
            if (memcmp(l + i, " in ", 4) == 0)
                return 1;
    }
    /* NAME=value with no blanks around '=': a shell assignment */
    while (k < n && ((l[k] >= 'A' && l[k] <= 'Z') || (l[k] >= 'a' && l[k] <= 'z') || l[k] == '_' ||
                     (k && l[k] >= '0' && l[k] <= '9')))
        k++;
    if (k && k + 1 < n && l[k] == '=' && l[k + 1] != ' ' && l[k + 1] != '=')
        return 1;
    for (size_t i = 0; i + 2 <= n; i++) /* "$(", "; then", ";then" anywhere */
        if ((l[i] == '$' && l[i + 1] == '(') ||
            (l[i] == ';' &&
             (STARTS(l + i + 1, n - i - 1, "then") || STARTS(l + i + 1, n - i - 1, " then"))))
            return 1;
    return 0;
}

struct ft_lines {
    unsigned lines, shell, py_import, py_from, py_def, pl_use, pl_my;
};

/* Reads the first FT_LINES_MAX non-comment lines and counts what they look like. */
static void scan_lines(const uint8_t *p, size_t n, struct ft_lines *c)
{
    size_t i = 0;

    memset(c, 0, sizeof(*c));
    while (i < n && c->lines < FT_LINES_MAX) {
        size_t s = i, e;

        while (i < n && p[i] != '\n')
            i++;
        e = i;
        if (i < n)
            i++;
        while (s < e && (p[s] == ' ' || p[s] == '\t'))
            s++;
        while (e > s && (p[e - 1] == '\r' || p[e - 1] == ' ' || p[e - 1] == '\t'))
            e--;
        if (s == e || p[s] == '#')
            continue;
        c->lines++;
        if (shell_line(p + s, e - s))
            c->shell++;
        if (STARTS(p + s, e - s, "import "))
            c->py_import++;
        if (STARTS(p + s, e - s, "from ")) {
            for (size_t k = s + 5; k + 8 <= e; k++)
                if (memcmp(p + k, " import ", 8) == 0) {
                    c->py_from++;
                    break;
                }
        }
        if (STARTS(p + s, e - s, "def ") || STARTS(p + s, e - s, "class ") ||
            STARTS(p + s, e - s, "if __name__"))
            c->py_def++;
        if (STARTS(p + s, e - s, "use strict;") || STARTS(p + s, e - s, "use warnings;"))
            c->pl_use++;
        if (STARTS(p + s, e - s, "my $") || STARTS(p + s, e - s, "my @") ||
            STARTS(p + s, e - s, "my %") || STARTS(p + s, e - s, "my ("))
            c->pl_my++;
    }
}

static enum file_type sniff_text(const uint8_t *p, size_t n, const char **detail)
{
    struct ft_lines c;
    size_t i = 0;

    if (STARTS(p, n, "\xef\xbb\xbf")) /* UTF-8 BOM */
        i = 3;
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n'))
        i++;
    if (i == n)
        return verdict(detail, "empty", FT_OTHER);
    if (p[i] == '<') {
        if (starts_nocase(p + i, n - i, "<?xml"))
            return verdict(detail, "xml", FT_OTHER);
        return verdict(detail, "html", FT_OTHER); /* <!doctype, <html, <head, <!--, <script... */
    }
    if (p[i] == '{' || p[i] == '[')
        return verdict(detail, "json", FT_OTHER);
    if (STARTS(p + i, n - i, "#!"))
        return shebang(p + i, n - i, detail);
    scan_lines(p + i, n - i, &c);
    if ((c.py_import && (c.py_def || c.py_from)) || (c.py_from && c.py_def))
        return verdict(detail, "python (no #!)", FT_PYTHON);
    if (c.pl_use || c.pl_my >= 2)
        return verdict(detail, "perl (no #!)", FT_PERL);
    /* most lines must be commands: prose quoting one command stays text */
    if (c.shell >= FT_SHELL_MIN && c.shell * 2 >= c.lines)
        return verdict(detail, "sh (no #!)", FT_SHELL);
    return verdict(detail, "text", FT_OTHER);
}

enum file_type filetype_sniff(const uint8_t *p, size_t n, const char **detail)
{
    const char *dummy;

    if (!detail)
        detail = &dummy;
    *detail = "";
    if (n > FILETYPE_SNIFF_BYTES)
        n = FILETYPE_SNIFF_BYTES;
    if (n == 0 || !p)
        return verdict(detail, "empty", FT_OTHER);
    if (STARTS(p, n,
               "\x7f"
               "ELF"))
        return verdict(detail, elf_detail(p, n), FT_ELF);
    if (STARTS(p, n, "MZ"))
        return verdict(detail, pe_detail(p, n), FT_PE);
    if (STARTS(p, n, "\x1f\x8b"))
        return verdict(detail, "gzip", FT_ARCHIVE);
    if (STARTS(p, n, "PK\x03\x04") || STARTS(p, n, "PK\x05\x06"))
        return verdict(detail, "zip", FT_ARCHIVE);
    if (STARTS(p, n, "BZh") && n > 3 && p[3] >= '1' && p[3] <= '9')
        return verdict(detail, "bzip2", FT_ARCHIVE);
    if (STARTS(p, n,
               "\xfd"
               "7zXZ\x00"))
        return verdict(detail, "xz", FT_ARCHIVE);
    if (STARTS(p, n, "7z\xbc\xaf\x27\x1c"))
        return verdict(detail, "7z", FT_ARCHIVE);
    if (STARTS(p, n, "\x28\xb5\x2f\xfd"))
        return verdict(detail, "zstd", FT_ARCHIVE);
    if (n >= 262 && memcmp(p + 257, "ustar", 5) == 0)
        return verdict(detail, "tar", FT_ARCHIVE);
    if (STARTS(p, n, "\x89PNG\r\n\x1a\n"))
        return verdict(detail, "png", FT_OTHER);
    if (STARTS(p, n, "\xff\xd8\xff"))
        return verdict(detail, "jpeg", FT_OTHER);
    if (STARTS(p, n, "GIF87a") || STARTS(p, n, "GIF89a"))
        return verdict(detail, "gif", FT_OTHER);
    if (!is_text(p, n))
        return verdict(detail, "data", FT_OTHER);
    return sniff_text(p, n, detail);
}
