/*
 * replay_main.c - runs a libFuzzer target without libFuzzer: every file of
 * the corpus directories given as arguments, then a fixed number of
 * deterministic mutations of them (byte flips, truncations, splices), so the
 * corpora double as regression tests under gcc and in the sanitizer build.
 * Usage: fuzz_X_replay DIR... [-n MUTATIONS]
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REPLAY_MAX_INPUTS 4096
#define REPLAY_MAX_INPUT  (1 << 20)

static uint8_t *inputs[REPLAY_MAX_INPUTS];
static size_t sizes[REPLAY_MAX_INPUTS];
static unsigned ninputs;

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void load(const char *path)
{
    FILE *f;
    struct stat st;
    uint8_t *buf;

    if (ninputs >= REPLAY_MAX_INPUTS || stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
        st.st_size > REPLAY_MAX_INPUT)
        return;
    f = fopen(path, "rb");
    if (!f)
        return;
    buf = malloc((size_t)st.st_size + 1);
    if (buf && fread(buf, 1, (size_t)st.st_size, f) == (size_t)st.st_size) {
        inputs[ninputs] = buf;
        sizes[ninputs++] = (size_t)st.st_size;
    } else {
        free(buf);
    }
    fclose(f);
}

static void load_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096];

    if (!d) {
        load(dir);
        return;
    }
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        load(path);
    }
    closedir(d);
}

int main(int argc, char **argv)
{
    unsigned mutations = 20000;
    uint8_t *buf = malloc(REPLAY_MAX_INPUT);

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            mutations = (unsigned)strtoul(argv[++i], NULL, 10);
        else
            load_dir(argv[i]);
    }
    if (!buf || ninputs == 0) {
        fprintf(stderr, "no corpus inputs\n");
        return 1;
    }
    for (unsigned i = 0; i < ninputs; i++) {
        /* an exact-size copy, so ASan sees any read past the end */
        uint8_t *copy = malloc(sizes[i] ? sizes[i] : 1);
        memcpy(copy, inputs[i], sizes[i]);
        LLVMFuzzerTestOneInput(copy, sizes[i]);
        free(copy);
    }
    for (unsigned m = 0; m < mutations; m++) {
        unsigned a = (unsigned)(next() % ninputs), b = (unsigned)(next() % ninputs);
        size_t n = sizes[a], cut;
        uint8_t *copy;
        memcpy(buf, inputs[a], n);
        switch (next() % 4) {
        case 0: /* flip a few bytes */
            for (unsigned k = 0, f = (unsigned)(next() % 8) + 1; k < f && n; k++)
                buf[next() % n] = (uint8_t)next();
            break;
        case 1: /* truncate */
            n = n ? (size_t)(next() % n) : 0;
            break;
        case 2: /* splice the tail of another input */
            cut = n ? (size_t)(next() % n) : 0;
            if (cut + sizes[b] <= REPLAY_MAX_INPUT) {
                memcpy(buf + cut, inputs[b], sizes[b]);
                n = cut + sizes[b];
            }
            break;
        default: /* interesting values */
            if (n) {
                static const uint8_t v[] = {0, 1, 0x7f, 0x80, 0xff, 0xfe, 0x10, 0x40};
                buf[next() % n] = v[next() % sizeof(v)];
            }
            break;
        }
        copy = malloc(n ? n : 1);
        memcpy(copy, buf, n);
        LLVMFuzzerTestOneInput(copy, n);
        free(copy);
    }
    printf("%u corpus inputs, %u mutations: no crash\n", ninputs, mutations);
    for (unsigned i = 0; i < ninputs; i++)
        free(inputs[i]);
    free(buf);
    return 0;
}
