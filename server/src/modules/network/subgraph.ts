import type { EdgeModel } from '../core/edges.js';
import type { ServiceDeps } from '../context.js';
import { existingEntities } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import type { Expansion } from './expand.js';

/** The GraphQL Edge as the core mapper builds it (the codegen mapper of `Edge`). */
export type { EdgeModel };

/** A Subgraph: entities, relationships, and whether a limit cut it short. */
export interface SubgraphModel {
  nodes: EntityRow[];
  edges: EdgeModel[];
  truncated: boolean;
  truncatedBy: string | null;
}

/**
 * The Subgraph of an expansion: its entities as the expansion read them (any it did not, through the loader in
 * one batch), its relationships as Edges.
 */
export async function subgraphOf({ loaders }: Pick<ServiceDeps, 'loaders'>, x: Expansion): Promise<SubgraphModel> {
  // An expansion's relationships are already in the Edge model's shape (toEdge would return each as it is).
  const edges: EdgeModel[] = x.edges;
  return { nodes: await entitiesOf({ loaders }, x, x.nodeIds), edges, truncated: x.truncatedBy !== null, truncatedBy: x.truncatedBy };
}

/** The entities of `ids` that exist, in order: as `x` read them, or (any it did not) through the loader. */
export async function entitiesOf({ loaders }: Pick<ServiceDeps, 'loaders'>, x: Pick<Expansion, 'entities'>, ids: readonly string[]): Promise<EntityRow[]> {
  // Nearly always every one was read with the expansion: one pass then.
  const read: EntityRow[] = [];
  for (const id of ids) {
    const n = x.entities.get(id);
    if (!n) break;
    read.push(n);
  }
  if (read.length === ids.length) return read;
  const missing = ids.filter((id) => !x.entities.has(id));
  const loaded = missing.length ? new Map((await existingEntities(loaders, missing)).map((n) => [n.id, n])) : undefined;
  const out: EntityRow[] = [];
  for (const id of ids) {
    const n = x.entities.get(id) ?? loaded?.get(id);
    if (n) out.push(n);
  }
  return out;
}
