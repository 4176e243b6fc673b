import { LINK_TYPE_NAMES, NODE_KINDS } from '../../domain/enums.js';
import { AppError, BadInputError } from '../../errors.js';
import { scopeParams } from '../analytics/projection.js';
import type { ServiceDeps } from '../context.js';
import { requireEntities, requireEntity } from '../entities/loaders.js';
import { wholeNumberWithin } from '../network/arguments.js';
import { ACTOR_LINK_TYPES, expand } from '../network/expand.js';

/**
 * What to export. Nothing: the whole graph. `cluster`: the cluster, its members and the actors tied to them.
 * `ids`: those entities (the viewer's view); with `hops`, everything within that many hops of them. Every
 * relationship of `types` between two selected entities is exported.
 */
export interface ExportSelection {
  /** A cluster id: the cluster, its members, and the actors tied to its members by `types` (either way). */
  cluster?: string | null;
  /** Entities to export; with `hops`, the centre of a neighbourhood. */
  ids?: readonly string[] | null;
  /** With `ids`: how many hops out (1 to MAX_HOPS), as the `neighbourhood` query goes. */
  hops?: number | null;
  /**
   * Relationship types exported (and followed, for a neighbourhood or a cluster's partners). Default: every
   * type for the whole graph and for ids; the actor network (all but LOCATED_IN, AFFECTS, UNDERWENT,
   * HAS_CHAIN) for a neighbourhood or a cluster.
   */
  types?: readonly string[] | null;
  /** Entity kinds kept (as stored: Firm, ValueChain…; default all). */
  kinds?: readonly string[] | null;
  /** Only relationships valid in that year (unknown bounds count as valid), as NetworkScope's year. */
  year?: number | null;
  /** Entities left out, as if they did not exist. */
  exclude?: readonly string[] | null;
}

/** A selection resolved to what the export statements take (the analytics module's ScopeParams, ids sorted). */
export interface ResolvedSelection {
  /** The selected entity ids in id order, or null for every entity. */
  ids: string[] | null;
  kinds: string[];
  exclude: string[];
  types: string[];
  year: number | null;
  /** The selection in words, for the file's description. */
  description: string;
}

function checkNames(field: string, given: readonly string[] | null | undefined, allowed: readonly string[]): string[] | null {
  if (!given?.length) return null;
  const wrong = given.filter((x) => !allowed.includes(x));
  if (wrong.length) throw new BadInputError(`${field}: ${wrong.join(', ')} ${wrong.length > 1 ? 'are' : 'is'} not one of ${allowed.join(', ')}.`, field);
  return [...new Set(given)];
}

/**
 * Checks a selection and resolves it to entity ids and relationship filters, through the same services as
 * the API: a cluster through the analytics module's scope (scopeParams), a neighbourhood through the network
 * module's expansion (bounded by MAX_HOPS and MAX_SUBGRAPH_NODES). Unknown ids are NOT_FOUND naming the field.
 */
export async function resolveSelection(deps: ServiceDeps, s: ExportSelection): Promise<ResolvedSelection> {
  const types = checkNames('types', s.types, LINK_TYPE_NAMES);
  const kinds = checkNames('kinds', s.kinds, NODE_KINDS) ?? [...NODE_KINDS];
  const exclude = [...new Set(s.exclude ?? [])];
  const year = s.year ?? null;
  if (year !== null && !Number.isInteger(year)) throw new BadInputError(`year must be a whole number, got ${year}.`, 'year');
  const ids = s.ids?.length ? [...new Set(s.ids)] : null;
  if (s.hops !== null && s.hops !== undefined && !ids) throw new BadInputError('hops: give ids as well (the entities the neighbourhood is around).', 'hops');
  if (s.hops && s.cluster) throw new BadInputError('hops: a neighbourhood is around ids, not a cluster; leave out cluster or hops.', 'hops');

  if (s.cluster) {
    await requireEntity(deps.loaders, s.cluster, 'cluster', 'Cluster');
    const t = types ?? ACTOR_LINK_TYPES;
    // The cluster's members and the actors tied to them, exactly as NetworkScope.clusterId selects them for the measures.
    const p = await scopeParams(deps, { clusterId: s.cluster, ids, types: t, kinds, exclude, year });
    const selected = ids ? (p.ids ?? []) : [s.cluster, ...(p.ids ?? [])];
    return { ids: [...new Set(selected)].sort(), kinds, exclude, types: t, year, description: `${s.cluster}, its members and the actors tied to them${ids ? `, among ${ids.length} given ids` : ''}` };
  }
  if (ids && s.hops !== null && s.hops !== undefined) {
    const hops = wholeNumberWithin('hops', s.hops, deps.limits.hops, 'MAX_HOPS');
    await requireEntities(deps.loaders, ids, 'ids');
    const t = types ?? ACTOR_LINK_TYPES;
    const x = await expand(deps, { ids, hops, types: t, direction: 'BOTH', year, exclude, maxNodes: deps.limits.subgraphNodes });
    if (x.truncatedBy) {
      const message = `The neighbourhood is larger than ${x.truncatedBy} allows and would be cut short: ask for fewer hops or types, or export a cluster or the whole graph.`;
      throw new AppError('LIMIT_EXCEEDED', message, { field: 'hops', details: { limit: 'MAX_SUBGRAPH_NODES', max: deps.limits.subgraphNodes } });
    }
    return { ids: x.nodeIds.sort(), kinds, exclude, types: t, year, description: `everything within ${hops} hop${hops > 1 ? 's' : ''} of ${ids.join(', ')}` };
  }
  if (ids) {
    await requireEntities(deps.loaders, ids, 'ids');
    return { ids: ids.sort(), kinds, exclude, types: types ?? [...LINK_TYPE_NAMES], year, description: `${ids.length} entit${ids.length > 1 ? 'ies' : 'y'} and the relationships among them` };
  }
  return { ids: null, kinds, exclude, types: types ?? [...LINK_TYPE_NAMES], year, description: 'the whole graph' };
}
