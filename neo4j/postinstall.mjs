// `npm install` fetches the local Neo4j from Maven Central right away (with progress), so that the first
// `npm start` only has to start it. Never fails the install: without Java/Maven, or offline, it says so
// and `npm start` repeats the fetch and reports any problem in one clear line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const lib = path.join(here, 'target', 'lib');
const say = (s) => process.stdout.write(`[neo4j] ${s}\n`);

if (process.env.CLUSTERGRAPH_SKIP_NEO4J_FETCH) {
  say('CLUSTERGRAPH_SKIP_NEO4J_FETCH is set: not fetching Neo4j now.');
} else if (existsSync(lib) && readdirSync(lib).some((f) => f.startsWith('neo4j-bolt-'))) {
  say('local Neo4j already fetched.');
} else if (spawnSync('mvn', ['-v']).status !== 0 || spawnSync('java', ['-version']).status !== 0) {
  say('Java 17+ and Maven are needed for the local Neo4j; `npm start` will explain, or set NEO4J_URI.');
} else {
  say('fetching Neo4j Community 5.26 from Maven Central (about 120 MB)…');
  const child = spawn('mvn', ['-B', '-Dmaven.artifact.threads=16', '-f', path.join(here, 'pom.xml'), 'package'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let n = 0;
  let buffered = '';
  child.stdout.on('data', (d) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const l of lines) if (l.includes('Downloaded from') && ++n % 25 === 0) say(`… ${n} artifacts downloaded`);
  });
  child.on('close', (code) => {
    say(code === 0 ? `Neo4j fetched (${n} artifacts).` : `fetching Neo4j failed (mvn exit ${code}); \`npm start\` will retry.`);
  });
}
