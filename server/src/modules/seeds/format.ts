import { z } from 'zod';
import * as E from '../../domain/enums.js';

/** zod schemas of the seed files, exactly as seeds/FORMAT.md describes them. */
const score = z.number().min(0).max(3).nullable();
const year = z.number().int().min(1800).max(2100);
const figure = z.union([z.string(), z.number(), z.object({ value: z.union([z.number(), z.string()]), unit: z.string().optional(), year: z.union([z.number(), z.string()]).optional() }).strict()]);

export const sourceRef = z
  .object({
    doc: z.string().min(1),
    lines: z.array(z.number().int().positive()).min(1, 'give at least one line number'),
    quote: z.string().min(8, 'quote a few words from the cited line(s)'),
    finding: z.enum(E.FINDINGS),
    cites: z.string().optional(),
    table: z.string().optional(),
  })
  .strict();
export type SourceRef = z.infer<typeof sourceRef>;

const clusterProps = z
  .object({
    sector: z.string().optional(),
    sectorGroup: z.enum(E.SECTOR_GROUPS).optional(),
    founded: z.union([z.string(), z.number()]).optional(),
    firms: figure.optional(),
    production: z.union([figure, z.record(z.string(), figure)]).optional(),
    exports: z.union([figure, z.record(z.string(), figure)]).optional(),
    jobs: z.union([figure, z.record(z.string(), figure)]).optional(),
    externalEconomies: z.object({ labourMarket: score, inputs: score, information: score, marketAccess: score }).partial().strict().optional(),
    jointAction: z.object({ backward: score, forward: score, horizontalBilateral: score, horizontalMultilateral: score }).partial().strict().optional(),
    printed: z.object({ eei: z.number().nullable(), jai: z.number().nullable(), ce: z.number().nullable(), degree: z.enum(['High', 'Medium', 'Low']).nullable() }).partial().strict().optional(),
    governanceCodes: z.object({ market: score, network: score, quasiHierarchy: score, hierarchy: score }).partial().strict().optional(),
    upgradingScores: z.object({ product: score, process: score, functional: score, intersectoral: score }).partial().strict().optional(),
  })
  .passthrough();

/** Kind-specific properties; mutations validate against the same schemas as the seed files. */
export const propsByKind: Record<E.NodeKind, z.ZodType> = {
  Cluster: clusterProps,
  Firm: z.object({ roles: z.array(z.enum(E.FIRM_ROLES)).optional(), sector: z.string().optional() }).passthrough(),
  Buyer: z.object({ buyerType: z.enum(E.BUYER_TYPES).optional() }).passthrough(),
  Institution: z.object({ institutionType: z.enum(E.INSTITUTION_TYPES).optional() }).passthrough(),
  Program: z.object({ programType: z.enum(E.PROGRAM_TYPES).optional(), years: z.union([z.string(), z.number()]).optional() }).passthrough(),
  Person: z.object({ role: z.string().optional() }).passthrough(),
  ValueChain: z
    .object({
      cluster: z.string().optional(),
      market: z.enum(E.MARKETS).optional(),
      endMarket: z.string().optional(),
      product: z.string().optional(),
      governanceHS: z.enum(E.GOVERNANCE_HS).optional(),
      governanceGHS: z.enum(E.GOVERNANCE_GHS).optional(),
      driver: z.enum(E.CHAIN_DRIVERS).optional(),
      determinants: z.object({ complexity: z.enum(E.LEVELS), codifiability: z.enum(E.LEVELS), supplierCapability: z.enum(E.LEVELS) }).partial().strict().optional(),
    })
    .passthrough(),
  Place: z.object({ placeType: z.enum(E.PLACE_TYPES).optional(), parent: z.string().optional() }).passthrough(),
  Event: z
    .object({ eventType: z.enum(E.EVENT_TYPES).optional(), date: z.union([z.string(), z.number()]).optional(), year: year.optional(), affects: z.array(z.string()).optional() })
    .passthrough(),
  Upgrading: z
    .object({ upgradingType: z.enum(E.UPGRADING_TYPES), subject: z.string().optional(), year: year.optional(), period: z.union([z.string(), z.number()]).optional(), description: z.string().optional() })
    .passthrough(),
};

const idPattern = /^[a-z][a-z0-9_]*:[a-z0-9][a-z0-9._-]*$/;
export const entityId = z.string().regex(idPattern, 'ids are lower-case `kind:slug` (letters, digits, - . _), e.g. firm:segusino');

export const nodeRecord = z
  .object({
    id: entityId,
    kind: z.enum(E.NODE_KINDS),
    name: z.string().min(1),
    aliases: z.array(z.string()).optional(),
    description: z.string().optional(),
    count: z.number().nonnegative().optional(),
    aggregate: z.boolean().optional(),
    country: z.string().optional(),
    locatedIn: z.string().optional(),
    validFrom: year.optional(),
    validUntil: year.optional(),
    props: z.record(z.string(), z.unknown()).optional(),
    source: sourceRef,
    scoreSources: z.array(sourceRef).optional(),
  })
  .strict()
  .superRefine((n, ctx) => {
    const r = propsByKind[n.kind].safeParse(n.props ?? {});
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['props', ...i.path.map(String)], message: i.message });
  });
export type NodeRecord = z.infer<typeof nodeRecord>;

export const linkPropsByType: Partial<Record<E.LinkType, z.ZodType>> = {
  COOPERATES_WITH: z.object({ form: z.enum(E.JOINT_ACTION_FORMS).optional() }).passthrough(),
  SUPPORTS: z.object({ supportType: z.union([z.enum(E.SUPPORT_TYPES), z.array(z.enum(E.SUPPORT_TYPES))]).optional() }).passthrough(),
  SELLS_TO: z.object({ market: z.enum(E.MARKETS).optional() }).passthrough(),
  PARTICIPATES_IN: z.object({ position: z.enum(E.CHAIN_POSITIONS).optional() }).passthrough(),
  BROKERS_FOR: z.object({ between: z.array(z.string()).optional() }).passthrough(),
};

export const linkRecord = z
  .object({
    id: entityId.optional(),
    type: z.enum(E.LINK_TYPE_NAMES as [E.LinkType, ...E.LinkType[]]),
    from: z.string().min(1),
    to: z.string().min(1),
    props: z.record(z.string(), z.unknown()).optional(),
    validFrom: year.optional(),
    validUntil: year.optional(),
    source: sourceRef,
  })
  .strict()
  .superRefine((l, ctx) => {
    const schema = linkPropsByType[l.type];
    if (!schema) return;
    const r = schema.safeParse(l.props ?? {});
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['props', ...i.path.map(String)], message: i.message });
  });
export type LinkRecord = z.infer<typeof linkRecord>;

/** A claim about an entity; `also` names the other entities a claim about a linkage concerns. */
export const statementRecord = z
  .object({ about: z.string().min(1), also: z.array(z.string().min(1)).min(1).optional(), claim: z.string().min(1), source: sourceRef })
  .strict();
export type StatementRecord = z.infer<typeof statementRecord>;

export const tableRecord = z
  .object({
    id: z.string().regex(/^table:[a-z0-9._-]+$/, 'table ids look like table:pietrobelli2004-17'),
    title: z.string().min(1),
    columns: z.unknown().optional(),
    source: sourceRef,
    rows: z.array(z.object({ label: z.string(), group: z.enum(E.SECTOR_GROUPS).optional(), values: z.record(z.string(), z.number().nullable()), lines: z.array(z.number().int().positive()).optional() }).passthrough()),
  })
  .passthrough();
export type TableRecord = z.infer<typeof tableRecord>;

/** Two ids the duplicate check flags that a reviewer found to be two different things. */
export const distinctRecord = z
  .object({ ids: z.tuple([entityId, entityId]), reason: z.string().min(8, 'say why the two are different'), source: sourceRef.optional() })
  .strict();
export type DistinctRecord = z.infer<typeof distinctRecord>;

/** Document lines about linkages that need no record (generic, bibliographic…), acknowledged by a reviewer. */
export const passageRecord = z
  .object({
    doc: z.string().min(1),
    lines: z.array(z.number().int().positive()).optional(),
    range: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
    reason: z.string().min(8, 'say why the passage needs no record'),
  })
  .strict()
  .refine((p) => p.lines || p.range, 'give lines or a range [first, last]');
export type PassageRecord = z.infer<typeof passageRecord>;

export const seedFile = z
  .object({
    nodes: z.array(z.unknown()).optional(),
    links: z.array(z.unknown()).optional(),
    statements: z.array(z.unknown()).optional(),
    tables: z.array(z.unknown()).optional(),
    sources: z.array(z.unknown()).optional(),
    distinct: z.array(z.unknown()).optional(),
    passages: z.array(z.unknown()).optional(),
  })
  .strict();

export const sourceDoc = z
  .object({ id: z.string().regex(/^source:[a-z0-9]+$/), key: z.string(), file: z.string(), title: z.string(), authors: z.array(z.string()), year: year, publisher: z.string().optional() })
  .strict();
export type SourceDoc = z.infer<typeof sourceDoc>;
