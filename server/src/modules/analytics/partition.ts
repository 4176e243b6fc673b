import { NODE_KINDS } from '../../domain/enums.js';
import { BadInputError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import type { CompactProjectionWithGroups } from './projection.js';
import { analyticsStatements as S, type PropertyValue } from './statements.js';

/** How actors are put into groups for brokerage (the API's Partition input). */
export interface Partition {
  /** KIND, CLUSTER, COUNTRY, CHAIN_POSITION, or PROPERTY (the value of the stored property `property`). */
  by: 'KIND' | 'CLUSTER' | 'COUNTRY' | 'CHAIN_POSITION' | 'PROPERTY';
  /** The property a PROPERTY partition reads (a plain name: letters, digits, _). */
  property?: string | null;
}

/**
 * Each actor's group as a small integer: `label[i]` for the i-th actor of a projection, `names[label]` its
 * group's name. Labels are numbered in order of first appearance along the actors (id order), as sna
 * numbers `unique(cl)`, so group sizes and expectations are summed in sna's order.
 */
export interface GroupLabels {
  label: Int32Array;
  names: string[];
}

const GROUP_STATEMENTS = { CLUSTER: S.groupsByCluster, COUNTRY: S.groupsByCountry, CHAIN_POSITION: S.groupsByChainPosition } as const;

/** A property value as a group name: lists by their items joined with +, a missing value as (none). */
export function groupName(v: PropertyValue | undefined): string {
  return v === null || v === undefined ? '(none)' : Array.isArray(v) ? v.join('+') : String(v);
}

/** The stored property a partition reads with the projection (PROPERTY only), checked to be a plain name. */
export function partitionProperty(partition: Partition): string | null {
  if (partition.by !== 'PROPERTY') return null;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(partition.property ?? '')) {
    throw new BadInputError('partition.property: name a stored property (letters, digits, _), e.g. institutionType.', 'partition.property');
  }
  return partition.property!;
}

/** Labels from one name per actor, numbered in order of first appearance. */
export function labelsOf(n: number, nameOf: (i: number) => string): GroupLabels {
  const label = new Int32Array(n);
  const index = new Map<string, number>();
  for (let i = 0; i < n; i += 1) {
    const name = nameOf(i);
    let l = index.get(name);
    if (l === undefined) index.set(name, (l = index.size));
    label[i] = l;
  }
  return { label, names: [...index.keys()] };
}

/**
 * Each actor's group under a partition: the kind, or the property value read with the projection
 * (`readCompact` with the partition's property), or one round trip for the graph-derived partitions.
 */
export async function groupLabels({ executor }: ServiceDeps, { partition, projection: p }: { partition: Partition; projection: CompactProjectionWithGroups }): Promise<GroupLabels> {
  if (partition.by === 'KIND') return labelsOf(p.nodes.length, (i) => NODE_KINDS[p.kinds[i]!]!);
  if (partition.by === 'PROPERTY') {
    if (!p.propertyGroups) throw new Error('groupLabels: a PROPERTY partition needs the projection read with its property (readCompact).');
    return p.propertyGroups;
  }
  const rows = await executor.read(GROUP_STATEMENTS[partition.by], { ids: p.nodes });
  const group = new Map(rows.map((r) => [r.id, r.grp]));
  return labelsOf(p.nodes.length, (i) => group.get(p.nodes[i]!)!);
}
