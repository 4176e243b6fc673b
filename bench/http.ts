/** Small HTTP helpers the benchmarks share (bench/*.ts): none of them is part of the service. */
import http from 'node:http';
import net from 'node:net';

/** POST a JSON body without a client-side time limit (fetch gives up after 300 s; a large measure may take longer). */
export function post(url: string, data: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let out = '';
      res.on('data', (d: Buffer) => (out += d.toString()));
      res.on('end', () => resolve(out));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** A TCP port free on loopback right now (for a service or a front started next). */
export async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
