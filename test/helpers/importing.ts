import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Executor } from '../../server/src/neo4j/executor.js';
import { fileOnDisk } from '../../server/src/modules/import/files.js';
import type { ImportFile } from '../../server/src/modules/import/model.js';

/** Who the import tests import as; their sources and audit records are deleted by this name. */
export const IMPORTER = 'test-suite-import';

export const fixture = (...parts: string[]) => path.join('test/fixtures/import', ...parts);
export const fixtureFiles = (dir: string, names = ['nodes.csv', 'edges.csv']): ImportFile[] => names.map((n) => fileOnDisk(fixture(dir, n)));

/** A temporary folder holding the given files (text or bytes); small, left to the system's temporary folder. */
export function tempFiles(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-test-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/**
 * A fingerprint of everything the import tests touch: entities whose id contains `marker`, their
 * relationships and statements, and the import sources — so "nothing changed" and "undo restores" can be
 * asserted exactly.
 */
export async function fingerprint(executor: Executor, marker: string): Promise<string> {
  const nodes = await executor.runText('MATCH (n:Entity) WHERE n.id CONTAINS $marker RETURN labels(n) AS l, properties(n) AS p', { marker }, 'READ');
  const rels = await executor.runText(
    'MATCH (a)-[r]-(b) WHERE a:Entity AND a.id CONTAINS $marker RETURN coalesce(a.id, a.key) AS a, type(r) AS t, properties(r) AS p, coalesce(b.id, b.key) AS b, startNode(r) = a AS out',
    { marker },
    'READ',
  );
  // Times of day differ between two runs of the same import; everything else must not.
  const sources = await executor.runText("MATCH (s:Source {type: 'import'}) WHERE s.importedBy = $who RETURN s {.*, importedAt: null, finishedAt: null} AS p", { who: IMPORTER }, 'READ');
  const lines = [...nodes, ...rels, ...sources].map((r) => JSON.stringify(r, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v))).sort();
  return `${nodes.length}/${rels.length}/${sources.length}/${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
}

/** Deletes what the import tests wrote: entities whose id contains `test-`, import sources and audit records of the test importer. */
export async function cleanImports(executor: Executor, marker: string): Promise<void> {
  // In batches: a large test import holds more than one transaction may delete.
  await executor.runText('MATCH (n:Entity) WHERE n.id CONTAINS $marker CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 2000 ROWS', { marker });
  await executor.runText("MATCH (s:Source {type: 'import'}) WHERE s.importedBy = $who DETACH DELETE s", { who: IMPORTER });
  await executor.runText('MATCH (c:Change) WHERE c.who = $who DELETE c', { who: IMPORTER });
}
