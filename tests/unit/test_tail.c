/*
 * test_tail.c - the line `firedamp --tail` prints for an event: the key facts
 * of each event type, and nothing from a hostile event that could drive the
 * analyst's terminal (control characters, escapes that decode to them).
 */
#include <string.h>

#include "check.h"
#include "tail.h"

static const char alert[] =
    "{\"timestamp\":\"2019-10-21T08:15:02.108000+0000\",\"flow_id\":2,\"sensor\":\"s\","
    "\"event_type\":\"alert\",\"event_id\":\"0000000000000000-0-3\",\"src_ip\":\"10.0.0.26\","
    "\"src_port\":50660,\"dest_ip\":\"198.51.100.20\",\"dest_port\":3333,\"proto\":\"TCP\","
    "\"alert\":{\"signature_id\":1001,\"signature\":\"Stratum mining session confirmed by the "
    "pool\",\"severity\":1},\"stratum\":{\"user\":\"4AdUnd\",\"pool_host\":\"pool.x.com\"}}";

int main(void)
{
    char out[2048];

    CHECK_EQ(tail_format(alert, strlen(alert), out, sizeof(out)), 0);
    CHECK_STR(out, "2019-10-21T08:15:02.108000+0000 alert         10.0.0.26:50660 -> "
                   "198.51.100.20:3333 proto=TCP [sev 1] \"Stratum mining session confirmed "
                   "by the pool\" sid=1001 user=4AdUnd pool=pool.x.com "
                   "id=0000000000000000-0-3");

    static const char docker[] =
        "{\"timestamp\":\"t\",\"event_type\":\"docker_api\",\"src_ip\":\"2001:db8::1\","
        "\"src_port\":1,\"dest_ip\":\"2001:db8::2\",\"dest_port\":2375,\"docker_api\":"
        "{\"operation\":\"container_create\",\"image\":\"alpine\",\"risk\":\"high\"}}";
    CHECK_EQ(tail_format(docker, strlen(docker), out, sizeof(out)), 0);
    CHECK_STR(out, "t docker_api    [2001:db8::1]:1 -> [2001:db8::2]:2375 op=container_create "
                   "image=alpine risk=high");

    static const char dl[] =
        "{\"event_type\":\"http_download\",\"http_download\":{\"url\":\"http://x/a.sh\","
        "\"file_type\":\"shell\",\"score\":90}}";
    CHECK_EQ(tail_format(dl, strlen(dl), out, sizeof(out)), 0);
    CHECK_STR(out, "- http_download url=http://x/a.sh file_type=shell score=90");

    /* ESC and BEL raw or as \u escapes, a CR: all shown as '?' */
    static const char evil[] = "{\"event_type\":\"dns\",\"dns\":{\"rrname\":"
                               "\"a\\u001b[2Jb\\u0007c\\rd\"}}";
    CHECK_EQ(tail_format(evil, strlen(evil), out, sizeof(out)), 0);
    CHECK_STR(out, "- dns           rrname=a?[2Jb?c?d");
    CHECK(strchr(out, 0x1b) == NULL);

    /* not JSON: the raw text, made printable, and -1 */
    static const char raw[] = "not json \x1b]0;title\x07";
    CHECK_EQ(tail_format(raw, strlen(raw), out, sizeof(out)), -1);
    CHECK_STR(out, "not json ?]0;title?");

    /* a tiny buffer is filled, never overrun, and terminated */
    char tiny[8];
    memset(tiny, 'Z', sizeof(tiny));
    tail_format(alert, strlen(alert), tiny, sizeof(tiny));
    CHECK_EQ(strlen(tiny), 7);
    CHECK_EQ(tail_format(alert, strlen(alert), tiny, 0), -1);
    return check_done();
}
