/*
 * fact.c - building facts: the key/value observations a dissector reports.
 * A fact borrows every string it names; nothing here allocates.
 */
#include <string.h>

#include "dissector.h"

void fact_init(struct fact *f, const char *type, const char *name)
{
    f->type = type;
    f->name = name;
    f->flags = 0;
    f->subject = NULL;
    f->subject_len = 0;
    f->nfields = 0;
    f->overflow = 0;
}

static struct fact_field *fact_add(struct fact *f, const char *name, uint8_t type, uint8_t flags)
{
    struct fact_field *ff;

    if (f->nfields >= FACT_MAX_FIELDS) {
        f->overflow++;
        return NULL;
    }
    ff = &f->field[f->nfields++];
    ff->name = name;
    ff->type = type;
    ff->flags = flags;
    ff->len = 0;
    ff->v.u = 0;
    return ff;
}

void fact_str(struct fact *f, const char *name, const char *s, size_t len)
{
    struct fact_field *ff = fact_add(f, name, FV_STR, 0);

    if (ff) {
        ff->v.s = s;
        ff->len = (uint32_t)len;
    }
}

void fact_cstr(struct fact *f, const char *name, const char *s)
{
    fact_str(f, name, s, strlen(s));
}

void fact_str_item(struct fact *f, const char *name, const char *s, size_t len)
{
    struct fact_field *ff = fact_add(f, name, FV_STR, FV_ARRAY);

    if (ff) {
        ff->v.s = s;
        ff->len = (uint32_t)len;
    }
}

void fact_int(struct fact *f, const char *name, int64_t v)
{
    struct fact_field *ff = fact_add(f, name, FV_INT, 0);

    if (ff)
        ff->v.i = v;
}

void fact_uint(struct fact *f, const char *name, uint64_t v)
{
    struct fact_field *ff = fact_add(f, name, FV_UINT, 0);

    if (ff)
        ff->v.u = v;
}

void fact_double(struct fact *f, const char *name, double v)
{
    struct fact_field *ff = fact_add(f, name, FV_DOUBLE, 0);

    if (ff)
        ff->v.d = v;
}

void fact_bool(struct fact *f, const char *name, int v)
{
    struct fact_field *ff = fact_add(f, name, FV_BOOL, 0);

    if (ff)
        ff->v.u = v != 0;
}

void fact_subject(struct fact *f, const char *s, size_t len)
{
    f->subject = s;
    f->subject_len = (uint32_t)len;
}

const struct fact_field *fact_get(const struct fact *f, const char *name)
{
    /* the first byte first: most names differ there, and a call to strcmp costs more */
    for (unsigned i = 0; i < f->nfields; i++)
        if (f->field[i].name[0] == name[0] && strcmp(f->field[i].name, name) == 0)
            return &f->field[i];
    return NULL;
}

void fact_md5hex(struct fact *f, const char *name, const char *s, size_t len)
{
    struct fact_field *ff = fact_add(f, name, FV_MD5HEX, 0);

    if (ff) {
        ff->v.s = s;
        ff->len = (uint32_t)len;
    }
}

void fact_hidden(struct fact *f, const char *name, const char *s, size_t len)
{
    struct fact_field *ff = fact_add(f, name, FV_STR, FV_HIDDEN);

    if (ff) {
        ff->v.s = s;
        ff->len = (uint32_t)(len > UINT32_MAX ? UINT32_MAX : len);
    }
}
