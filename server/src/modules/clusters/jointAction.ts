import { undirectedDensity } from '../../domain/density.js';
import type { ServiceDeps } from '../context.js';
import { requireEntity } from '../entities/loaders.js';
import { expand } from '../network/expand.js';
import { subgraphOf } from '../network/subgraph.js';

/** Cooperation links by joint-action form (links without a form count as `unspecified`), in form order. */
export function countByForm(links: { props: Record<string, unknown> }[]): { form: string; count: number }[] {
  const forms = new Map<string, number>();
  for (const l of links) {
    const form = typeof l.props.form === 'string' ? l.props.form : 'unspecified';
    forms.set(form, (forms.get(form) ?? 0) + 1);
  }
  return [...forms.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([form, count]) => ({ form, count }));
}

/**
 * A cluster's joint-action network: the cluster, its members and the actors they cooperate with
 * (COOPERATES_WITH, one hop, valid in `year`); its collective-efficiency scores are read from the cluster
 * when asked for (resolvers.ts).
 */
export async function jointAction({ executor, limits, loaders }: ServiceDeps, a: { clusterId: string; year?: number | null }) {
  // One round trip: the expansion's first hop reads the cluster and its members with it (a non-cluster has
  // none), so checking the cluster afterwards costs nothing more.
  const x = await expand({ executor, loaders }, { ids: [a.clusterId], membersOf: a.clusterId, hops: 1, types: ['COOPERATES_WITH'], direction: 'BOTH', year: a.year, maxNodes: limits.subgraphNodes });
  const cluster = await requireEntity(loaders, a.clusterId, 'clusterId', 'Cluster');
  const core = [a.clusterId, ...x.members];
  return {
    cluster,
    subgraph: await subgraphOf({ loaders }, x),
    byForm: countByForm(x.edges),
    // Among the cluster and its members only, as documented: partners outside the cluster are in the
    // subgraph but not in the density, and members without cooperation ties count as isolates.
    density: undirectedDensity(core, x.edges),
    actors: new Set(core).size,
    withinGroup: x.edges.filter((e) => e.source === e.target).length,
  };
}
