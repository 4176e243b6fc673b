import type { ServiceDeps } from '../context.js';
import type { EntityRow } from '../entities/statements.js';
import { clustersStatements as S } from './statements.js';

/**
 * The ids of a cluster's members (entities with a MEMBER_OF link to it). With `loaders`, the members'
 * entities (the rows carry them) are primed into the request's entity loader: no second round trip.
 */
export async function clusterMembers({ executor, loaders }: Pick<ServiceDeps, 'executor'> & Partial<Pick<ServiceDeps, 'loaders'>>, a: { clusterId: string }): Promise<string[]> {
  const [row] = await executor.read(S.members, { ids: [a.clusterId] });
  for (const n of row?.nodes ?? []) loaders?.know(n.id, n);
  return row?.members ?? [];
}

/** The entity's id, followed by its members' when it is a cluster and `includeMembers` is set. */
export async function withMembers(deps: Pick<ServiceDeps, 'executor'>, a: { entity: EntityRow; includeMembers: boolean }): Promise<string[]> {
  if (a.entity.kind !== 'Cluster' || !a.includeMembers) return [a.entity.id];
  return [a.entity.id, ...(await clusterMembers(deps, { clusterId: a.entity.id }))];
}
