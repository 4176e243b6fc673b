import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedsRoot } from './read.js';

const cache = new Map<string, string[] | null>();

/** The text of a seed document (one paragraph a line), or null when the key is not a seed document. */
export function documentLines(key: string, root = seedsRoot): string[] | null {
  if (!cache.has(key)) {
    const p = path.join(root, 'documents', `${key}.txt`);
    cache.set(key, /^[a-z0-9]+$/.test(key) && existsSync(p) ? readFileSync(p, 'utf8').split('\n') : null);
  }
  return cache.get(key) ?? null;
}
