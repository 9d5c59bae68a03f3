/*
 * test_config.c - defaults, the YAML file, key=value overrides and their
 * errors (unknown key with file and line, bad values, syntax errors).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "config.h"

static const char *write_tmp(const char *text)
{
    static char path[64];
    FILE *f;

    strcpy(path, "/tmp/firedamp-test-XXXXXX");
    close(mkstemp(path));
    f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_defaults(void)
{
    struct config c;

    config_defaults(&c);
    CHECK_EQ(c.flow.max_flows, 262144);
    CHECK_EQ(c.decode.vxlan_ports[0], 4789);
    CHECK_EQ(c.decode.geneve_port, 6081);
    CHECK_STR(c.output, "-");
    CHECK_EQ(c.sensor_name[0], '\0');
    c.deterministic = 1;
    config_finish(&c);
    CHECK_STR(c.sensor_name, "firedamp");
}

static void test_file(void)
{
    struct config c;
    char err[256] = "";
    const char *p = write_tmp("# comment\n"
                              "flow:\n"
                              "  max_flows: 1000\n"
                              "  timeouts:\n"
                              "    udp: 5\n"
                              "  use_vlan: no\n"
                              "decode:\n"
                              "  vxlan_ports: [4789, 8472]\n"
                              "  geneve_port: 0\n"
                              "output:\n"
                              "  sensor_name: edge-1\n"
                              "stream:\n");

    config_defaults(&c);
    CHECK_EQ(config_load_file(&c, p, err, sizeof(err)), 0);
    CHECK_STR(err, "");
    CHECK_EQ(c.flow.max_flows, 1000);
    CHECK_EQ(c.flow.timeout_s[FLOW_TC_UDP], 5);
    CHECK_EQ(c.flow.timeout_s[FLOW_TC_TCP_EST], 600); /* untouched */
    CHECK_EQ(c.flow.use_vlan, 0);
    CHECK_EQ(c.decode.vxlan_ports[0], 4789);
    CHECK_EQ(c.decode.vxlan_ports[1], 8472);
    CHECK_EQ(c.decode.vxlan_ports[2], 0);
    CHECK_EQ(c.decode.geneve_port, 0);
    CHECK_STR(c.sensor_name, "edge-1");
    unlink(p);
}

static void expect_error(const char *text, const char *needle)
{
    struct config c;
    char err[256] = "";
    const char *p = write_tmp(text);

    config_defaults(&c);
    CHECK_EQ(config_load_file(&c, p, err, sizeof(err)), -1);
    if (!strstr(err, needle))
        fprintf(stderr, "error \"%s\" lacks \"%s\"\n", err, needle);
    CHECK(strstr(err, needle) != NULL);
    unlink(p);
}

static void test_errors(void)
{
    expect_error("flow:\n  max_flow: 10\n", ":2: unknown config key 'flow.max_flow'");
    expect_error("flow:\n  max_flows: -1\n", ":2: flow.max_flows: '-1' is not a number");
    expect_error("flow:\n  max_flows: 0\n", "flow.max_flows");
    expect_error("flow:\n  max_flows: 99999999999999999999\n", "flow.max_flows");
    expect_error("flow:\n  use_vlan: maybe\n", "not a boolean");
    expect_error("decode:\n  vxlan_ports: [1, 2, 3, 4, 5]\n", "at most 4 ports");
    expect_error("decode:\n  vxlan_ports: [70000]\n", "vxlan_ports");
    expect_error("flow: [1, 2\n", "YAML error");
    expect_error("- a\n- b\n", "top level must be a mapping");
    expect_error("flow:\n  max_flows: [1, 2]\n", "expected a single value");
    {
        char big[2048];
        snprintf(big, sizeof(big), "output:\n  sensor_name: %0*d\n", 100, 7);
        expect_error(big, "longer than");
    }
}

static void test_set(void)
{
    struct config c;
    char err[256];

    config_defaults(&c);
    CHECK_EQ(config_set(&c, "stream.depth", "0", err, sizeof(err)), 0);
    CHECK_EQ(c.stream.depth, 0);
    CHECK_EQ(config_set(&c, "flow.hash_seed", "0x1234", err, sizeof(err)), 0);
    CHECK_EQ(c.flow.hash_seed, 0x1234);
    CHECK_EQ(config_set(&c, "decode.vxlan_ports", "4789,8472", err, sizeof(err)), 0);
    CHECK_EQ(c.decode.vxlan_ports[1], 8472);
    CHECK_EQ(config_set(&c, "nope", "1", err, sizeof(err)), -1);
    CHECK(strstr(err, "unknown config key 'nope'") != NULL);
    CHECK_EQ(config_set(&c, "ndpi.max_packets", "256", err, sizeof(err)), -1);
    CHECK_EQ(c.ndpi_max_packets, 24);
}

static void test_check(void)
{
    struct config c;
    char err[256];

    config_defaults(&c);
    CHECK_EQ(config_check(&c, err, sizeof(err)), -1); /* no input */
    c.read_files[c.nread++] = "x.pcap";
    CHECK_EQ(config_check(&c, err, sizeof(err)), 0);
    strcpy(c.iface, "eth0");
    CHECK_EQ(config_check(&c, err, sizeof(err)), -1);
}

int main(void)
{
    test_defaults();
    test_file();
    test_errors();
    test_set();
    test_check();
    return check_done();
}
