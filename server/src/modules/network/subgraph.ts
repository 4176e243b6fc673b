import { toEdge } from '../core/edges.js';
import type { ServiceDeps } from '../context.js';
import { existingEntities } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import type { Expansion } from './expand.js';

/** The GraphQL Edge as the core mapper builds it (the codegen mapper of `Edge`). */
export type EdgeModel = ReturnType<typeof toEdge>;

/** A Subgraph: entities, relationships, and whether a limit cut it short. */
export interface SubgraphModel {
  nodes: EntityRow[];
  edges: EdgeModel[];
  truncated: boolean;
  truncatedBy: string | null;
}

/** The Subgraph of an expansion: its entities loaded in one batch, its relationships as Edges. */
export async function subgraphOf({ loaders }: Pick<ServiceDeps, 'loaders'>, x: Expansion): Promise<SubgraphModel> {
  return { nodes: await existingEntities(loaders, x.nodeIds), edges: x.edges.map(toEdge), truncated: x.truncatedBy !== null, truncatedBy: x.truncatedBy };
}
