// TCP probes for the lab, run inside one network namespace: connects to every target at once and
// prints one JSON line with each result. "open" means the three-way handshake finished (the
// firewall let the SYN through and something listened); "refused" means a reset came back;
// "timeout" means nothing came back, which is what a drop policy looks like. With read, the probe
// also waits for the first line the server sends (the stand-in's name, or nothing through a proxy
// whose upstreams are all down).
// Usage: node probe.mjs '{"timeoutMs":800,"read":false,"targets":[{"host":"10.0.0.1","port":22}]}'
import net from 'node:net';

const { timeoutMs, read, targets } = JSON.parse(process.argv[2]);

function probe({ host, port }) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let state = 'timeout';
    let data = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ host, port, state, data: data.trim() });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('connect', () => {
      state = 'open';
      if (!read) finish();
    });
    socket.on('data', (chunk) => {
      data += chunk.toString();
      if (data.includes('\n')) finish();
    });
    socket.on('end', finish);
    socket.on('error', (error) => {
      if (state !== 'open') state = error.code === 'ECONNREFUSED' ? 'refused' : `error:${error.code ?? error.message}`;
      finish();
    });
  });
}

console.log(JSON.stringify(await Promise.all(targets.map(probe))));
