import type { ServiceDeps } from '../context.js';
import type { ExportEdge, ExportNode } from './columns.js';
import type { ResolvedSelection } from './selection.js';
import { exportStatements as S } from './statements.js';

/** Entities read per round trip: small enough to keep a page in memory, large enough to keep round trips few. */
export const PAGE_SIZE = 500;

/** The selection's entity ids a page at a time: slices of a known list, or keyset pages of the whole graph. */
async function* idPages({ executor }: Pick<ServiceDeps, 'executor'>, sel: ResolvedSelection, pageSize: number): AsyncGenerator<string[]> {
  if (sel.ids) {
    for (let i = 0; i < sel.ids.length; i += pageSize) yield sel.ids.slice(i, i + pageSize);
    return;
  }
  let after = '';
  for (;;) {
    const rows = await executor.read(S.entityIdsAfter, { after, limit: pageSize, kinds: sel.kinds, exclude: sel.exclude });
    if (rows.length) yield rows.map((r) => r.id);
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.id;
  }
}

/** The selected entities, a page (one round trip) at a time, in id order. */
export async function* nodePages(deps: Pick<ServiceDeps, 'executor'>, sel: ResolvedSelection, pageSize = PAGE_SIZE): AsyncGenerator<ExportNode[]> {
  for await (const ids of idPages(deps, sel, pageSize)) {
    const rows = await deps.executor.read(S.entities, { ids, kinds: sel.kinds, exclude: sel.exclude });
    yield rows.map((r) => ({ id: r.props.id, kind: r.props.kind, name: r.props.name, properties: r.props, country: r.country, cluster: r.cluster, statements: r.statements }));
  }
}

/**
 * The relationships among the selected entities, a page of source entities (one round trip) at a time: each
 * page's outgoing relationships of the chosen types and year, kept when their target is selected too.
 */
export async function* edgePages(deps: Pick<ServiceDeps, 'executor'>, sel: ResolvedSelection, pageSize = PAGE_SIZE): AsyncGenerator<ExportEdge[]> {
  const selected = sel.ids ? new Set(sel.ids) : null;
  for await (const ids of idPages(deps, sel, pageSize)) {
    const rows = await deps.executor.read(S.relationships, { ids, types: sel.types, year: sel.year, kinds: sel.kinds, exclude: sel.exclude });
    yield rows.filter((r) => !selected || selected.has(r.target)).map((r) => ({ id: r.id, type: r.type, source: r.source, target: r.target, properties: r.props }));
  }
}
