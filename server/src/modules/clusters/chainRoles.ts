import type { ServiceDeps } from '../context.js';
import { existingEntities, MEMBER_LINKS, type LinkQuery, type LinkRow } from '../entities/loaders.js';
import type { EntityRow } from '../entities/statements.js';
import type { ChainRolesRow } from '../network/statements.js';

/** An actor's role in a value chain (the parent of `ChainRole`; its ends are loaded when asked for). */
export interface ChainRoleModel {
  chainId: string;
  actorId: string;
  /** lead, cluster (a cluster's own chain), or the chain position (producer, agent, buyer…). */
  role: string;
}

/** The chains an entity takes part in, leads or (a cluster) has. */
const CHAINS_OF: LinkQuery = { types: ['HAS_CHAIN', 'LEADS', 'PARTICIPATES_IN'], direction: 'OUT', year: null, first: null };
/** The actors that take part in or lead a chain. */
const PARTICIPANTS: LinkQuery = { types: ['LEADS', 'PARTICIPATES_IN'], direction: 'IN', year: null, first: null };

/** The role a PARTICIPATES_IN, LEADS or HAS_CHAIN link gives, as the expansion statements name it (cypher/network/expandStart.cypher, chains). */
function roleOf(l: LinkRow): string {
  if (l.type === 'LEADS') return 'lead';
  if (l.type === 'HAS_CHAIN') return 'cluster';
  return typeof l.props.position === 'string' ? l.props.position : 'participant';
}

/** Several sources may state the same role: one entry per chain, actor and role. */
function distinctRoles(roles: ChainRoleModel[]): ChainRoleModel[] {
  return [...new Map(roles.map((r) => [`${r.chainId}|${r.actorId}|${r.role}`, r])).values()];
}

/** The value chains an entity takes part in or leads, and for a cluster its own chains (HAS_CHAIN). */
export async function chainsOfEntity({ loaders }: Pick<ServiceDeps, 'loaders'>, entity: EntityRow): Promise<ChainRoleModel[]> {
  const links = await loaders.links.load({ id: entity.id, q: CHAINS_OF });
  const roles = links.map((l) => ({ chainId: l.otherId, actorId: entity.id, role: roleOf(l) }));
  return distinctRoles(roles);
}

/** For a value chain: the actors that take part in or lead it, with their position. */
export async function participantsOf({ loaders }: Pick<ServiceDeps, 'loaders'>, chain: EntityRow): Promise<ChainRoleModel[]> {
  if (chain.kind !== 'ValueChain') return [];
  const links = await loaders.links.load({ id: chain.id, q: PARTICIPANTS });
  const roles = links.map((l) => ({ chainId: chain.id, actorId: l.otherId, role: roleOf(l) }));
  return distinctRoles(roles);
}

/** The entities with a MEMBER_OF link to this one (a cluster's members). */
export async function membersOf({ loaders }: Pick<ServiceDeps, 'loaders'>, entity: EntityRow): Promise<EntityRow[]> {
  const links = await loaders.links.load({ id: entity.id, q: MEMBER_LINKS });
  return existingEntities(loaders, [...new Set(links.map((l) => l.otherId))]);
}

/**
 * The chains of many entities, for chain tracing, from the roles and chains an expansion read with them
 * (ExpandArgs.chains): entity id → its chains, roles and the chains' properties, each role once.
 */
export function chainsByEntity(found: ChainRolesRow): Map<string, { chain: string; role: string; node: EntityRow }[]> {
  const nodes = new Map(found.chains.map((c) => [c.id, c]));
  const byEntity = new Map<string, { chain: string; role: string; node: EntityRow }[]>();
  // Once each (an entity can be read in two hops), in a stable order (chain, then role), as a start's chains are shown.
  const roles = [...new Map(found.roles.map((r) => [`${r.id}\u0000${r.chain}\u0000${r.role}`, r])).values()]
    .sort((p, q) => (p.chain < q.chain ? -1 : p.chain > q.chain ? 1 : p.role < q.role ? -1 : p.role > q.role ? 1 : 0));
  for (const { id, chain, role } of roles) {
    const node = nodes.get(chain)!;
    const list = byEntity.get(id);
    if (list) list.push({ chain, role, node });
    else byEntity.set(id, [{ chain, role, node }]);
  }
  return byEntity;
}
