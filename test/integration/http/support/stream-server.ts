// A loopback server in its own process that generates any number of bytes on
// the fly, so a test can measure the executor's memory without the server's.
// Prints its port on stdout. GET /bytes?size=N[&chunk=K]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const block = Buffer.alloc(256 * 1024);
for (let i = 0; i < block.length; i += 1) block[i] = (i * 7 + 3) & 0xff;

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://local');
  const size = Number(url.searchParams.get('size') ?? '0');
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(size),
    'content-disposition': 'attachment; filename="big.bin"',
  });
  let left = size;
  const pump = (): void => {
    while (left > 0) {
      const n = Math.min(block.length, left);
      left -= n;
      if (!res.write(n === block.length ? block : block.subarray(0, n))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    left = 0;
  });
  pump();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as AddressInfo).port}\n`);
});
