/**
 * `npm run neo4j`: runs the local Neo4j alone (for cypher-shell, Neo4j Browser-less debugging or a second
 * service pointed at it with NEO4J_URI). Ctrl-C stops it cleanly.
 */
import { loadConfig } from '../server/src/config.js';
import { StartupError } from '../server/src/errors.js';
import { startLocalNeo4j } from './launch.js';

try {
  const config = loadConfig();
  const neo4j = await startLocalNeo4j({ ...config.neo4j.local, password: config.neo4j.password, progress: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`Neo4j is running at ${neo4j.uri} (user ${config.neo4j.user}). Ctrl-C to stop.\n`);
  const stop = () => void neo4j.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (err) {
  process.stderr.write(`error: ${err instanceof StartupError ? err.message : String(err)}\n`);
  process.exit(1);
}
