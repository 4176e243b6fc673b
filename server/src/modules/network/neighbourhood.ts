import { BadInputError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { requireEntities } from '../entities/loaders.js';
import { wholeNumberWithin } from './arguments.js';
import { ACTOR_LINK_TYPES, expand, type Direction } from './expand.js';
import { subgraphOf, type SubgraphModel } from './subgraph.js';

export interface NeighbourhoodArgs {
  /** Entities at the centre. */
  ids: string[];
  /** Hops out (≤ MAX_HOPS). */
  hops: number;
  /** Relationship types followed (default: the actor network). */
  types?: string[] | null;
  direction: Direction;
  /** Only relationships valid in that year. */
  year?: number | null;
  /** Most entities returned (≤ MAX_SUBGRAPH_NODES, which is also the default). */
  maxNodes?: number | null;
}

/** Everything within `hops` of some entities, as a subgraph. */
export async function neighbourhood({ executor, limits, loaders }: ServiceDeps, a: NeighbourhoodArgs): Promise<SubgraphModel> {
  if (a.ids.length === 0) throw new BadInputError('ids: give at least one entity id.', 'ids');
  const hops = wholeNumberWithin('hops', a.hops, limits.hops, 'MAX_HOPS');
  const maxNodes = wholeNumberWithin('maxNodes', a.maxNodes ?? limits.subgraphNodes, limits.subgraphNodes, 'MAX_SUBGRAPH_NODES');
  const types = a.types?.length ? a.types : ACTOR_LINK_TYPES;
  // The expansion's first round trip reads the centre too (an unknown id expands to nothing), so checking
  // that it exists afterwards costs no round trip of its own.
  const x = await expand({ executor, loaders }, { ids: a.ids, hops, types, direction: a.direction, year: a.year, maxNodes });
  await requireEntities(loaders, a.ids, 'ids');
  return subgraphOf({ loaders }, x);
}
