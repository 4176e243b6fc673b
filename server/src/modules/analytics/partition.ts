import { BadInputError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import type { ScopeParams } from './projection.js';
import { analyticsStatements as S, type PropertyValue } from './statements.js';

/** How actors are put into groups for brokerage (the API's Partition input). */
export interface Partition {
  /** KIND, CLUSTER, COUNTRY, CHAIN_POSITION, or PROPERTY (the value of the stored property `property`). */
  by: 'KIND' | 'CLUSTER' | 'COUNTRY' | 'CHAIN_POSITION' | 'PROPERTY';
  /** The property a PROPERTY partition reads (a plain name: letters, digits, _). */
  property?: string | null;
}

/** The actors of a scope and the group of each. */
export interface Groups {
  /** Actor ids, in id order. */
  nodes: string[];
  /** Each actor's group, as text. */
  group: Map<string, string>;
  /**
   * The property the brokerage count may read itself, when grouping by its text in Cypher gives the same
   * groups; null when the groups must travel as an id → group map (lists, and the graph-derived partitions).
   */
  prop: string | null;
}

const GROUP_STATEMENTS = { CLUSTER: S.groupsByCluster, COUNTRY: S.groupsByCountry, CHAIN_POSITION: S.groupsByChainPosition } as const;

/** A property value as a group name: lists by their items joined with +, a missing value as (none). */
export function groupName(v: PropertyValue | undefined): string {
  return v === null || v === undefined ? '(none)' : Array.isArray(v) ? v.join('+') : String(v);
}

/** Each actor's group under a partition (one round trip, two for the graph-derived partitions). */
export async function partitionActors({ executor }: ServiceDeps, { scope: p, partition }: { scope: ScopeParams; partition: Partition }): Promise<Groups> {
  if (partition.by === 'PROPERTY' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(partition.property ?? '')) {
    throw new BadInputError('partition.property: name a stored property (letters, digits, _), e.g. institutionType.', 'partition.property');
  }
  const prop = partition.by === 'KIND' ? 'kind' : partition.by === 'PROPERTY' ? (partition.property ?? null) : null;
  const rows = await executor.read(S.scopeNodes, { kinds: p.kinds, ids: p.ids, exclude: p.exclude, prop });
  const nodes = rows.map((r) => r.id);
  if (partition.by === 'KIND' || partition.by === 'PROPERTY') {
    // Lists are grouped in the server by their text; the count query would need the same rule, so they travel as a map.
    const listValued = rows.some((r) => Array.isArray(r.value));
    return { nodes, group: new Map(rows.map((r) => [r.id, groupName(r.value)])), prop: listValued ? null : prop };
  }
  const groups = await executor.read(GROUP_STATEMENTS[partition.by], { ids: nodes });
  return { nodes, group: new Map(groups.map((r) => [r.id, r.grp])), prop: null };
}
