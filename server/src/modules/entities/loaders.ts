import DataLoader from 'dataloader';
import type { Loaders } from '../../graphql/context.js';
import type { Executor, Row } from '../../neo4j/executor.js';

/** Most links returned per entity by the batched links loader (the neighbourhood query has its own limits). */
export const LINKS_PER_ENTITY = 500;

function groupBy(rows: Row[], ids: readonly string[], pick: (r: Row) => Row): Row[][] {
  const by = new Map<string, Row[]>(ids.map((id) => [id, []]));
  for (const r of rows) by.get(String(r.id))?.push(pick(r));
  return ids.map((id) => by.get(id) ?? []);
}

/** Per-request loaders: every batch of ids costs one database round trip. */
export function createLoaders(executor: Executor): Loaders {
  return {
    entity: new DataLoader(async (ids) => {
      const rows = await executor.read('entities/entitiesByIds', { ids: [...ids] });
      const by = new Map(rows.map((r) => [String((r.n as Row).id), r.n as Row]));
      return ids.map((id) => by.get(id) ?? null);
    }),
    provenance: new DataLoader(async (ids) => groupBy(await executor.read('entities/provenanceByIds', { ids: [...ids] }), ids, (r) => r.p as Row)),
    links: new DataLoader(async (ids) =>
      groupBy(await executor.read('entities/linksByIds', { ids: [...ids], cap: LINKS_PER_ENTITY }), ids, (r) => ({
        type: r.type,
        outgoing: r.outgoing,
        otherId: r.otherId,
        ...(r.props as Row),
      })),
    ),
  };
}
