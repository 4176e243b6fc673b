/**
 * The least an HTTP service in front of Neo4j can cost, for bench/queries.ts: node:http (no framework, no
 * GraphQL, no checks), one driver session and auto-commit statement per request, the rows as JSON. A POST of
 * `{ "text": "<Cypher>", "params": {…} }` answers `{ "rows": [...] }`. Not part of the service: it runs any
 * statement it is sent and is started by the benchmark on loopback only.
 *
 *   node --import tsx bench/relay.ts <port> <bolt uri> <user> <password> <database>
 *
 * Timing the hand-written statement through this relay next to the same statement through the driver gives the
 * price of one HTTP hop on the machine at hand; timing the GraphQL request next to the relay gives what the
 * GraphQL service adds beyond that hop.
 */
import http from 'node:http';
import neo4j from 'neo4j-driver';

// Run under tsx: without source maps, as the service runs from dist/ (the driver captures a stack per result).
process.setSourceMapsEnabled(false);
const [port, uri, user, password, database] = process.argv.slice(2);
if (!port || !uri || !user || !password || !database) {
  process.stderr.write('usage: node --import tsx bench/relay.ts <port> <bolt uri> <user> <password> <database>\n');
  process.exit(2);
}
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), { disableLosslessIntegers: true });

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      void (async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
        try {
          const { text, params } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string; params: Record<string, unknown> };
          const result = await session.run(text, params);
          const body = JSON.stringify({ rows: result.records.map((r) => r.toObject()) });
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        } catch (err) {
          const body = JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
          res.writeHead(500, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
          res.end(body);
        } finally {
          await session.close();
        }
      })();
    });
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write(`relay listening on ${port}\n`));

process.on('SIGTERM', () => {
  void driver.close().finally(() => process.exit(0));
});
