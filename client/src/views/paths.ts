// Path view: every simple path between two actors up to a length (`paths`, mode ALL_SIMPLE), drawn together,
// one highlighted at a time. Also "who could introduce you" (K_SHORTEST from me to a prospect).
import { gql } from '../api/client.js';
import { PATHS } from '../api/queries.js';
import type { Entity, Path } from '../api/types.js';
import { toElementSet } from '../graph/elements.js';
import type { ViewResult } from './types.js';

interface PathSet {
  count: number;
  truncated: boolean;
  paths: Path[];
}

export interface PathsArgs {
  from: string;
  to: string;
  maxLength: number;
  year: number | null;
  types: string[];
}

export async function loadPaths(a: PathsArgs): Promise<ViewResult & { paths: Path[] }> {
  const { paths } = await gql<{ paths: PathSet }>(PATHS, { from: a.from, to: { ids: [a.to] }, mode: 'ALL_SIMPLE', k: 100, maxLength: a.maxLength, year: a.year, types: a.types.length ? a.types : null, first: 100 });
  // The server may list the same route twice over parallel relationships: keep each sequence of actors once.
  const unique = new Map<string, Path>();
  for (const p of paths.paths) {
    const key = p.nodes.map((n) => n.id).join('>');
    if (!unique.has(key)) unique.set(key, p);
  }
  const list = [...unique.values()].sort((x, y) => x.length - y.length);
  const set = toElementSet(list.flatMap((p) => p.nodes), list.flatMap((p) => p.edges));
  return { set, layout: 'network', truncatedBy: paths.truncated ? 'MAX_PATHS' : null, paths: list };
}

export interface Introduction {
  prospect: string;
  /** Each route from me to the prospect: the actors between us. */
  routes: Entity[][];
}

/** The k shortest routes from me to a prospect through known actors; their middles are the introducers. */
export async function whoCouldIntroduce(me: string, prospect: string): Promise<Introduction> {
  const { paths } = await gql<{ paths: PathSet }>(PATHS, { from: me, to: { ids: [prospect] }, mode: 'K_SHORTEST', k: 3, maxLength: 4, first: 10 });
  const routes = new Map<string, Entity[]>();
  for (const p of paths.paths) {
    const middle = p.nodes.slice(1, -1);
    routes.set(middle.map((n) => n.id).join('>'), middle);
  }
  return { prospect, routes: [...routes.values()] };
}
