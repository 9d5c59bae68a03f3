/*
 * http_download.h - the HTTP/1.x download dissector ("http"): one
 * "http_download.transfer" fact per transaction, saying what was fetched
 * (type sniffed from the decoded body, SHA-256, size) and from where. The
 * fields and their order are documented at the top of http_download.c.
 *
 * The limits below bound what one transaction may cost; they are compile-time
 * constants for now (the engine may later make them configuration).
 */
#ifndef FIREDAMP_HTTP_DOWNLOAD_H
#define FIREDAMP_HTTP_DOWNLOAD_H

#include "dissector.h"

/* Request body bytes (de-chunked) kept for a beacon check, POST and PUT only (lent). */
#define HTTP_REQ_SAMPLE 2048
/* Decoded script text kept for the indicator scanner: one lent block per transaction. */
#define HTTP_SAMPLE_MAX 65536
/* Decoded bytes hashed (and inflated) per body; past it: truncated, no sha256. */
#define HTTP_DECODE_MAX (64u << 20)
/* Decompression bombs: stop once decoded > HTTP_BOMB_AFTER and decoded/raw > HTTP_BOMB_RATIO. */
#define HTTP_BOMB_AFTER (1u << 20)
#define HTTP_BOMB_RATIO 1000

extern const struct dissector http_download_dissector;

#endif
