import { getArgumentValues, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type ValueNode } from 'graphql';
import { ACTOR_KINDS } from '../../domain/enums.js';
import { LimitError } from '../../errors.js';
import type { ServiceDeps } from '../context.js';
import { decodeCursor, encodeCursor, pageSize } from '../core/paging.js';
import { existingEntities, linkParams, linkQuery, linkRowOf, linksByIdsVariant, linkTypes, MEMBER_LINKS, PLACE_LINKS, type LinkQuery, type LinkRow, type Loaders } from './loaders.js';
import { luceneQuery } from './search.js';
import { entitiesStatements as S, type EntityRow } from './statements.js';

/** Sort keys → stored property (allow-list: user text never reaches Cypher structure). */
export const SORT_KEYS = {
  NAME: 'name',
  KIND: 'kind',
  CE: 'printed_ce',
  EEI: 'printed_eei',
  JAI: 'printed_jai',
  FOUNDED: 'founded',
  VALID_FROM: 'validFrom',
} as const;

/**
 * The Humphrey–Schmitz types printed as pattern codes in Pietrobelli & Rabellotti's Tables 4, 8 and 12,
 * with the stored property holding each code. A cluster with printed codes answers a governance filter
 * from them (code > 0: that pattern is present), so lists agree with the tables.
 */
const GOVERNANCE_CODE_PROPERTY: Record<string, string> = {
  market: 'governanceCodes_market',
  network: 'governanceCodes_network',
  quasi_hierarchy: 'governanceCodes_quasiHierarchy',
  hierarchy: 'governanceCodes_hierarchy',
};

export interface EntityFilter {
  kinds?: string[] | null;
  country?: string | null;
  place?: string | null;
  sector?: string | null;
  sectorGroup?: string | null;
  governance?: string | null;
  ceDegree?: string | null;
  year?: number | null;
  aggregate?: boolean | null;
}

/** Every filter besides kinds; the type below fails to compile when a filter is added and not listed here. */
const NARROWING_FILTERS = ['country', 'place', 'sector', 'sectorGroup', 'governance', 'ceDegree', 'year', 'aggregate'] as const;
type Unlisted = Exclude<keyof EntityFilter, 'kinds' | (typeof NARROWING_FILTERS)[number]>;
const everyFilterListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyFilterListed;

export interface ListArgs extends EntityFilter {
  sort: keyof typeof SORT_KEYS;
  descending: boolean;
  skip: number;
  limit: number;
}

/**
 * One page of entity ids and the total count. A value chain answers the place and sector filters
 * (country, place, sector, sector group) for the clusters it belongs to (HAS_CHAIN), since chains have
 * no place or sector of their own.
 */
export async function listEntities(executor: ServiceDeps['executor'], a: ListArgs): Promise<{ total: number; ids: string[]; nodes: EntityRow[] }> {
  const kinds = a.kinds?.length ? a.kinds : [...ACTOR_KINDS];
  const filtered = NARROWING_FILTERS.some((f) => a[f] !== undefined && a[f] !== null);
  if (!filtered) {
    // Browsing by kind: a statement without the filters' per-entity tests (3.4× faster at 50,000 buyers).
    const [row] = await executor.read(S.listEntitiesByKind, { kinds, sortKey: SORT_KEYS[a.sort], desc: a.descending, skip: a.skip, limit: a.limit });
    return { total: row?.total ?? 0, ids: row?.page ?? [], nodes: row?.nodes ?? [] };
  }
  const [row] = await executor.read(S.listEntities, {
    kinds,
    country: a.country ?? null,
    place: a.place ?? null,
    sector: a.sector ?? null,
    sectorGroup: a.sectorGroup ?? null,
    governance: a.governance ?? null,
    governanceCode: a.governance ? (GOVERNANCE_CODE_PROPERTY[a.governance] ?? null) : null,
    ceDegree: a.ceDegree ?? null,
    year: a.year ?? null,
    aggregate: a.aggregate ?? null,
    sortKey: SORT_KEYS[a.sort],
    desc: a.descending,
    skip: a.skip,
    limit: a.limit,
  });
  return { total: row?.total ?? 0, ids: row?.page ?? [], nodes: row?.nodes ?? [] };
}

export interface PageArgs {
  filter?: EntityFilter | null;
  sort: keyof typeof SORT_KEYS;
  descending: boolean;
  first?: number | null;
  after?: string | null;
}

/** A Relay-style page of entities (`entities`, `clusters`, `valueChains`); `kinds` overrides the filter's. */
export async function entityPage({ executor, limits, loaders }: ServiceDeps, args: PageArgs, kinds?: string[]) {
  const limit = pageSize(args.first, limits.pageSize);
  const skip = decodeCursor(args.after);
  const filter = args.filter ?? {};
  const { total, ids, nodes: rows } = await listEntities(executor, { ...filter, kinds: kinds ?? filter.kinds, sort: args.sort, descending: args.descending, skip, limit });
  // The page carries its entities: primed into the request's loader, they cost no second round trip.
  for (const n of rows) loaders.know(n.id, n);
  const nodes = await existingEntities(loaders, ids);
  const end = skip + ids.length;
  return { totalCount: total, nodes, pageInfo: { hasNextPage: end < total, endCursor: ids.length ? encodeCursor(end) : null } };
}

/**
 * The link queries the fields written directly in an entity's selection will make of the links loader: each
 * `links(…)` with its arguments, `members`, `places` (its first level). Fragments are not looked into.
 */
function linkQueriesOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'schema' | 'variableValues'>): LinkQuery[] {
  const known = FIXED_LINK_QUERIES.get(info.fieldNodes);
  if (known) return known;
  const entity = info.schema.getType('Entity');
  const linksField = isObjectType(entity) ? entity.getFields().links : undefined;
  const queries = new Map<string, LinkQuery>();
  let fixed = true;
  for (const f of info.fieldNodes) {
    for (const s of f.selectionSet?.selections ?? []) {
      if (s.kind !== Kind.FIELD) continue;
      const name = s.name.value;
      let q: LinkQuery | null = null;
      if (name === 'members') q = MEMBER_LINKS;
      else if (name === 'places') q = PLACE_LINKS;
      else if (name === 'links' && linksField) {
        q = linkQuery(getArgumentValues(linksField, s, info.variableValues) as Parameters<typeof linkQuery>[0]);
        if (s.arguments?.some((a) => hasVariable(a.value))) fixed = false;
      }
      if (q) queries.set(JSON.stringify(q), q);
    }
  }
  const out = [...queries.values()];
  if (fixed) FIXED_LINK_QUERIES.set(info.fieldNodes, out);
  return out;
}

/**
 * The link queries of selections whose `links(…)` take no variable, by the (parsed, cached) field nodes: the
 * same for every request of that document.
 */
const FIXED_LINK_QUERIES = new WeakMap<readonly FieldNode[], LinkQuery[]>();

const hasVariable = (v: ValueNode): boolean =>
  v.kind === Kind.VARIABLE || (v.kind === Kind.LIST && v.values.some(hasVariable)) || (v.kind === Kind.OBJECT && v.fields.some((f) => hasVariable(f.value)));

/**
 * The entity `id` for `Query.entity`. When the request reads its relationships, one statement reads the
 * entity with exactly the relationships each of those fields asks for (entityWithLinks) and primes both
 * loaders, so the child resolvers (links, members, places) find them there: one round trip instead of two.
 * Only the fields written directly in the selection are looked at; through fragments the links load on their
 * own, one round trip later.
 */
export async function entityById({ executor, loaders }: Pick<ServiceDeps, 'executor' | 'loaders'>, id: string, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'schema' | 'variableValues'>): Promise<EntityRow | null> {
  const queries = linkQueriesOf(info);
  if (!queries.length) return loaders.entity.load(id);
  // One query (the common case) reads through its own statement, with the tests that hold left out.
  const [row] = queries.length === 1
    ? (await executor.read(S.entityWithLinksOf, { id, ...linkParams(queries[0]!) }, linksByIdsVariant(queries[0]!))).map((r) => ({ n: r.n, links: [r.links] }))
    : await executor.read(S.entityWithLinks, { id, queries: queries.map(linkParams) }, { relTypes: linkTypes(queries) });
  if (!row) {
    loaders.know(id, null);
    return null;
  }
  loaders.know(id, row.n);
  queries.forEach((q, i) => loaders.links.prime({ id, q }, (row.links[i] ?? []).map((l) => linkRowOf(loaders, id, l))));
  return row.n;
}

/** Entities by id in the order asked, null for unknown ids; at most MAX_PAGE_SIZE ids. */
export async function entitiesByIds({ limits, loaders }: ServiceDeps, ids: string[]): Promise<(EntityRow | null)[]> {
  if (ids.length > limits.pageSize) throw new LimitError('number of ids', limits.pageSize, ids.length, 'Ask in several requests (MAX_PAGE_SIZE).');
  return (await loaders.entity.loadMany(ids)).map((x) => (x instanceof Error ? null : x));
}

/** Ranked full-text hits, each with its entity. */
export async function searchEntities({ executor, limits, loaders }: ServiceDeps, args: { text: string; kinds?: string[] | null; first?: number | null }) {
  const limit = pageSize(args.first ?? 20, limits.pageSize);
  const q = luceneQuery(args.text);
  if (!q) return [];
  const hits = await executor.read(S.searchEntities, { q, kinds: args.kinds?.length ? args.kinds : null, limit });
  // The hits carry their entities: primed into the request's loader, they cost no second round trip.
  for (const h of hits) loaders.know(h.id, h.n);
  return hits.map((h) => ({ entity: h.n, kind: h.kind, score: h.score }));
}

/** The source documents with how many statements cite each. */
export async function listSources({ executor }: ServiceDeps) {
  const rows = await executor.read(S.listSources);
  return rows.map((r) => ({ ...r, title: r.title ?? r.key, authors: r.authors ?? [], year: r.year ?? 0 }));
}

/** A relationship seen from the entity it was reached from (`selfId`): the GraphQL Link's model. */
export type LinkView = LinkRow;

/** An entity's relationships, filtered by type, direction and year in the database, at most `first`. */
export async function linksOf(loaders: Loaders, id: string, a: { types?: string[] | null; direction: 'OUT' | 'IN' | 'BOTH'; year?: number | null; first: number }): Promise<LinkView[]> {
  const rows = await loaders.links.load({ id, q: linkQuery(a) });
  return rows;
}

/** Nearest first: an entity is often tied both to its town and, directly, to its country. */
const PLACE_RANK: Record<string, number> = { locality: 0, municipality: 1, region: 2, state: 3, country: 4, continent: 5 };

/** The places an entity is located in, walking LOCATED_IN upwards one batched level at a time (a handful of levels). */
export async function placesOf(loaders: Loaders, id: string): Promise<EntityRow[]> {
  const out: EntityRow[] = [];
  const seen = new Set<string>([id]);
  let frontier = [id];
  for (let depth = 0; depth < 6 && frontier.length; depth += 1) {
    const next = new Set<string>();
    for (const links of await loaders.links.loadMany(frontier.map((x) => ({ id: x, q: PLACE_LINKS })))) {
      if (links instanceof Error) continue;
      for (const l of links) if (!seen.has(l.otherId)) next.add(l.otherId);
    }
    next.forEach((x) => seen.add(x));
    out.push(...(await existingEntities(loaders, [...next])));
    frontier = [...next];
  }
  const rank = (p: EntityRow) => PLACE_RANK[String(p.placeType)] ?? 2.5;
  return out.map((p, i) => ({ p, i })).sort((x, y) => rank(x.p) - rank(y.p) || x.i - y.i).map((x) => x.p);
}
