// A stand-in service for the lab: listens on the given TCP ports on every address of the network
// namespace it runs in and answers each connection with its name, so a test can see both that a
// port is reachable through the firewall and which node served it. Reads "close PORT" / "open PORT"
// on stdin so one process per namespace can take a port down and bring it back.
// Usage: node listen.mjs NAME PORT...
import net from 'node:net';
import readline from 'node:readline';

const [name, ...ports] = process.argv.slice(2);
const servers = new Map();

function open(port) {
  return new Promise((resolve, reject) => {
    const sockets = new Set();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
      socket.end(`${name}\n`);
    });
    server.once('error', reject);
    server.listen({ port: Number(port), host: '0.0.0.0' }, () => {
      servers.set(port, { server, sockets });
      resolve();
    });
  });
}

function close(port) {
  const entry = servers.get(port);
  if (!entry) return Promise.resolve();
  servers.delete(port);
  for (const s of entry.sockets) s.destroy();
  return new Promise((resolve) => entry.server.close(() => resolve()));
}

try {
  await Promise.all(ports.map(open));
} catch (error) {
  console.log(`error ${error.message}`);
  process.exit(1);
}
console.log('ready');
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const [verb, port] = line.trim().split(/\s+/);
  const done = verb === 'close' ? close(port) : verb === 'open' ? open(port) : Promise.reject(new Error(`unknown command ${line}`));
  done.then(
    () => console.log(`${verb} ${port} ok`),
    (error) => console.log(`${verb} ${port} error ${error.message}`),
  );
});
// The lab kills us with SIGTERM; stdin closing (the parent died) ends us too.
process.stdin.on('end', () => process.exit(0));
