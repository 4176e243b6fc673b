import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project folder (where package.json is), found by walking up from this file, so that the data files
 * (cypher/, seeds/, the SDL, the built viewer) are found alike from the TypeScript sources and from the
 * compiled dist/ tree.
 */
function findProjectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'clustergraph') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('clustergraph: package.json not found above the server code');
    dir = up;
  }
}

export const projectRoot = findProjectRoot();

/** A path inside the project folder. */
export const fromRoot = (...parts: string[]) => path.join(projectRoot, ...parts);
