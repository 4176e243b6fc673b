// Network view: the neighbourhoods of the opened entities (`neighbourhood` query), laid out by fcose.
import { gql } from '../api/client.js';
import { NEIGHBOURHOOD } from '../api/queries.js';
import type { Direction, Subgraph } from '../api/types.js';
import { toElementSet } from '../graph/elements.js';
import type { ViewResult } from './types.js';

export interface NeighbourhoodArgs {
  ids: string[];
  hops: number;
  types: string[];
  direction: Direction;
  year: number | null;
}

export async function loadNeighbourhood(a: NeighbourhoodArgs): Promise<ViewResult> {
  const { neighbourhood } = await gql<{ neighbourhood: Subgraph }>(NEIGHBOURHOOD, {
    ids: a.ids, hops: a.hops, types: a.types.length ? a.types : null, direction: a.direction, year: a.year,
  });
  return {
    set: toElementSet(neighbourhood.nodes, neighbourhood.edges),
    layout: 'network',
    truncatedBy: neighbourhood.truncated ? (neighbourhood.truncatedBy ?? 'limit') : null,
  };
}
