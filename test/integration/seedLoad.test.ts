import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartupError } from '../../server/src/errors.js';
import { loadSeeds } from '../../server/src/modules/seeds/load.js';
import type { Service } from '../../server/src/service.js';
import { seedFolder, SRC1, SRC2 } from '../fixtures/seeds.js';
import { startTestService } from '../helpers/db.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(async () => {
  await service?.executor.runText("MATCH (n:Entity) WHERE n.id STARTS WITH 'firm:test-load-' DETACH DELETE n");
  await service?.executor.runText("MATCH (s:Source {key: 'tiny'}) DETACH DELETE s");
  await service?.stop();
});

/** A fingerprint of the whole graph: a hash of every node's labels and properties and every relationship. */
async function fingerprint(): Promise<string> {
  const nodes = await service.executor.runText('MATCH (n) RETURN labels(n) AS l, properties(n) AS p', {}, 'READ');
  const rels = await service.executor.runText('MATCH (a)-[r]->(b) RETURN elementId(a) IS NOT NULL AS ok, coalesce(a.id, a.key) AS a, type(r) AS t, properties(r) AS p, coalesce(b.id, b.key) AS b', {}, 'READ');
  const lines = [...nodes, ...rels].map((r) => JSON.stringify(r, Object.keys(r).sort())).map((line) => line.replace(/"at":"[^"]*"/g, '')).sort();
  return `${nodes.length}/${rels.length}/${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
}

describe('the seed loader', () => {
  it('changes nothing when run again (idempotent)', async () => {
    const before = await fingerprint();
    const report = await loadSeeds(service.executor);
    expect(report.labels.Cluster).toBeGreaterThan(100);
    expect(report.types.SUBCONTRACTOR_OF).toBeGreaterThan(10);
    expect(await fingerprint()).toBe(before);
  });

  it('loads nothing from a folder with any problem, and says where each problem is', async () => {
    const root = seedFolder({
      'a/a.yaml': `nodes:\n  - { id: "firm:test-load-ok", kind: Firm, name: OK, source: ${SRC1} }\n  - { id: "firm:test-load-bad", kind: Firm, name: Bad, props: { roles: [giant] }, source: ${SRC2} }\n`,
    });
    const err = await loadSeeds(service.executor, { root }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toMatch(/seed check found 1 problem\(s\); nothing was loaded[\s\S]*a\/a\.yaml nodes\[1\] firm:test-load-bad \.props\.roles\.0/);
    const [row] = await service.executor.runText("MATCH (n:Entity) WHERE n.id STARTS WITH 'firm:test-load-' RETURN count(n) AS n", {}, 'READ');
    expect(row!.n).toBe(0);
  });

  it('loads a clean folder in one transaction and reports counts per label and type', async () => {
    const root = seedFolder({
      'a/a.yaml': `nodes:\n  - { id: "firm:test-load-a", kind: Firm, name: A, source: ${SRC1} }\n  - { id: "firm:test-load-b", kind: Firm, name: B, source: ${SRC2} }\nlinks:\n  - { type: SUPPLIES, from: "firm:test-load-a", to: "firm:test-load-b", source: ${SRC2} }\n`,
    });
    const report = await loadSeeds(service.executor, { root });
    expect(report.declared).toEqual({ nodes: 2, links: 1, statements: 2, tables: 0 });
    const [row] = await service.executor.runText("MATCH (a:Entity {id: 'firm:test-load-a'})-[r:SUPPLIES]->(b:Entity {id: 'firm:test-load-b'}) RETURN r.source_quote AS q", {}, 'READ');
    expect(row!.q).toBe('buyers came from the United States');
  });
});
