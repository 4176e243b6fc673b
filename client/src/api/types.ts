// Shapes of the GraphQL answers the viewer reads (a subset of the SDL in server/src/modules/*/*.graphql).

export const ACTOR_KINDS = ['CLUSTER', 'FIRM', 'BUYER', 'INSTITUTION', 'PROGRAM', 'PERSON'] as const;
export const KINDS = [...ACTOR_KINDS, 'VALUE_CHAIN', 'PLACE', 'EVENT', 'UPGRADING'] as const;
export type Kind = (typeof KINDS)[number];

export const LINK_TYPES = [
  'SUPPLIES', 'SUBCONTRACTOR_OF', 'SELLS_TO', 'OWNS', 'JOINT_VENTURE', 'FRANCHISES', 'COOPERATES_WITH', 'MEMBER_OF',
  'SUPPORTS', 'BROKERS_FOR', 'RUNS', 'TARGETS', 'FUNDS', 'LOCATED_IN', 'PARTICIPATES_IN', 'LEADS', 'COMPETES_WITH',
  'AFFECTS', 'UNDERWENT', 'HAS_CHAIN',
] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** Types that hold both ways (drawn without arrow heads). */
export const SYMMETRIC_TYPES: ReadonlySet<string> = new Set(['COOPERATES_WITH', 'JOINT_VENTURE', 'COMPETES_WITH']);

export const GOVERNANCE = ['MARKET', 'NETWORK', 'MODULAR', 'RELATIONAL', 'QUASI_HIERARCHY', 'CAPTIVE', 'HIERARCHY'] as const;
export type Governance = (typeof GOVERNANCE)[number];

export const SECTOR_GROUPS = ['TRADITIONAL', 'NATURAL_RESOURCE', 'COMPLEX_PRODUCT_SYSTEMS', 'SPECIALISED_SUPPLIERS', 'OTHER'] as const;

export const JOINT_FORMS = ['backward_vertical', 'forward_vertical', 'horizontal_bilateral', 'horizontal_multilateral'] as const;

export type Direction = 'OUT' | 'IN' | 'BOTH';

export interface Provenance {
  doc: string;
  title?: string | null;
  lines: number[];
  quote: string;
  finding?: string;
  cites?: string | null;
  kind?: string | null;
  claim?: string | null;
}

export interface Place {
  id: string;
  name: string;
  type: string[];
}

/** An entity as the graph queries return it (the fields in queries.ts ENTITY_FIELDS). */
export interface Entity {
  id: string;
  kind: Kind;
  name: string;
  aggregate: boolean;
  type: string[];
  validFrom?: number | null;
  validUntil?: number | null;
  places?: Place[];
  cluster?: { sectorGroup?: string | null } | null;
  chain?: { governanceHS?: string | null; governanceGHS?: string | null } | null;
}

export interface Edge {
  id: string;
  type: LinkType;
  source: string;
  target: string;
  form?: string | null;
  qualifier?: string | null;
  validFrom?: number | null;
  validUntil?: number | null;
}

export interface Subgraph {
  nodes: Entity[];
  edges: Edge[];
  truncated?: boolean;
  truncatedBy?: string | null;
}

export interface Path {
  length: number;
  nodes: Entity[];
  edges: Edge[];
}
