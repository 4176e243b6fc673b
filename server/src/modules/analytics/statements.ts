import { z } from 'zod';
import { NODE_KINDS } from '../../domain/enums.js';
import { statement } from '../../neo4j/statement.js';

/** A stored property's value as the driver hands it over (temporal values arrive as ISO strings). */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const propertyValue = z.union([scalar, z.array(scalar)]).nullable();
export type PropertyValue = z.infer<typeof propertyValue>;

/** One actor of a scope, with the value of the property a PROPERTY partition names (null otherwise). */
export const scopeNodeRow = z.object({ id: z.string(), kind: z.enum(NODE_KINDS), value: propertyValue });
export type ScopeNodeRow = z.infer<typeof scopeNodeRow>;

/** One ordered pair with a tie; `symmetric` when a symmetric type ties them (the pair then counts both ways). */
export const scopeArcRow = z.object({ source: z.string(), target: z.string(), symmetric: z.boolean() });
export type ScopeArcRow = z.infer<typeof scopeArcRow>;

/** An actor's group under a CLUSTER, COUNTRY or CHAIN_POSITION partition. */
const groupRow = z.object({ id: z.string(), grp: z.string() });

const count = z.number().int().nonnegative();

/**
 * A list of whole numbers (node references), checked by one loop: zod's per-item schema took ~0.4 s for a
 * page of 50,000 actors and 250,000 references, as long as reading the page itself.
 */
const integers = z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => Number.isInteger(x)), 'a list of whole numbers');

/** The analytics module's statements (cypher/analytics/) and the shapes of their rows. */
export const analyticsStatements = {
  clusterScope: statement('analytics/clusterScope', z.object({ ids: z.array(z.string()) })),
  groupsByChainPosition: statement('analytics/groupsByChainPosition', groupRow),
  groupsByCluster: statement('analytics/groupsByCluster', groupRow),
  groupsByCountry: statement('analytics/groupsByCountry', groupRow),
  scopeAdjacency: statement(
    'analytics/scopeAdjacency',
    z.object({ ids: z.array(z.string()), kinds: z.array(z.enum(NODE_KINDS)), refs: integers, out: z.array(integers), values: z.array(z.tuple([propertyValue])) }),
  ),
  scopeArcs: statement('analytics/scopeArcs', scopeArcRow),
  scopeNodes: statement('analytics/scopeNodes', scopeNodeRow),
  scopePages: statement('analytics/scopePages', z.object({ actors: count, starts: z.array(z.string()), ends: z.array(z.string()) })),
  twoModeBrokerage: statement('analytics/twoModeBrokerage', z.object({ id: z.string(), clusters: z.array(z.string()), firms: count, pairs: count })),
};
