/*
 * cap_fact.h - what a dissector emitted, copied for the assertions of its
 * unit test: cap_take() copies a fact's type, name, subject and every field
 * (strings and MD5-hex inputs whole, NUL-terminated, on the heap), cap_free()
 * gives them back, field()/field_nth()/fstr()/fnum()/fdbl() read a field by
 * name. Each test keeps its own array of them and decides in its emit()
 * which facts it keeps: cap_keep() keeps one while there is room and counts
 * every one, cap_clear() frees them all and starts again.
 * Header-only, like emu_tcp.h: each test is its own program.
 */
#ifndef FIREDAMP_CAP_FACT_H
#define FIREDAMP_CAP_FACT_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dissector.h"

struct cap_field {
    char name[24];
    int type, flags;
    char *s; /* FV_STR: malloc'd copy, NUL-terminated; else NULL */
    size_t len;
    uint64_t u;
    double d;
};

struct cap_fact {
    char type[16], name[32];
    char subject[1400];
    int nfields, overflow;
    struct cap_field f[FACT_MAX_FIELDS];
};

static inline void cap_take(struct cap_fact *c, const struct fact *f)
{
    memset(c, 0, sizeof(*c));
    snprintf(c->type, sizeof(c->type), "%s", f->type);
    snprintf(c->name, sizeof(c->name), "%s", f->name);
    if (f->subject)
        snprintf(c->subject, sizeof(c->subject), "%.*s", (int)f->subject_len, f->subject);
    c->nfields = f->nfields;
    c->overflow = f->overflow;
    for (int i = 0; i < f->nfields; i++) {
        const struct fact_field *ff = &f->field[i];
        struct cap_field *cf = &c->f[i];

        snprintf(cf->name, sizeof(cf->name), "%s", ff->name);
        cf->type = ff->type;
        cf->flags = ff->flags;
        if (ff->type == FV_STR || ff->type == FV_MD5HEX) {
            cf->len = ff->len;
            cf->s = malloc(ff->len + 1);
            if (!cf->s)
                abort();
            memcpy(cf->s, ff->v.s, ff->len);
            cf->s[ff->len] = '\0';
        } else if (ff->type == FV_DOUBLE) {
            cf->d = ff->v.d;
        } else {
            cf->u = ff->v.u;
        }
    }
}

static inline void cap_free(struct cap_fact *c)
{
    for (int k = 0; k < c->nfields; k++) {
        free(c->f[k].s);
        c->f[k].s = NULL;
    }
    c->nfields = 0;
}

/* The idx-th field called name (repeated names are an array), or NULL. */
static inline const struct cap_field *field_nth(const struct cap_fact *c, const char *name, int idx)
{
    for (int i = 0; c && i < c->nfields; i++)
        if (strcmp(c->f[i].name, name) == 0 && idx-- == 0)
            return &c->f[i];
    return NULL;
}

static inline const struct cap_field *field(const struct cap_fact *c, const char *name)
{
    return field_nth(c, name, 0);
}

/* Keeps f in facts[*n] while *n < max; counts it either way. */
static inline void cap_keep(struct cap_fact *facts, int max, int *n, const struct fact *f)
{
    if (*n < max)
        cap_take(&facts[*n], f);
    (*n)++;
}

/* Frees the facts kept so far and starts again. */
static inline void cap_clear(struct cap_fact *facts, int max, int *n)
{
    for (int i = 0; i < *n && i < max; i++)
        cap_free(&facts[i]);
    *n = 0;
}

/* The string (or MD5-hex input) field, or NULL (absent or not a string). */
static inline const char *fstr(const struct cap_fact *c, const char *name)
{
    const struct cap_field *f = field(c, name);

    return f ? f->s : NULL;
}

/* The integer or boolean field, or -1 (absent or a string). */
static inline long long fnum(const struct cap_fact *c, const char *name)
{
    const struct cap_field *f = field(c, name);

    return f && !f->s ? (long long)f->u : -1;
}

/* The double field, or -1 (absent or another type). */
static inline double fdbl(const struct cap_fact *c, const char *name)
{
    const struct cap_field *f = field(c, name);

    return f && f->type == FV_DOUBLE ? f->d : -1;
}

#endif
