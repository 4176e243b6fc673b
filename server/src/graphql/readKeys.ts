import { TYPES_KEY } from '../domain/enums.js';
import type { ReadKeys } from '../neo4j/executor.js';
import { getNamedType, TypeInfo, visit, visitWithTypeInfo, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * Which stored properties of entities and of relationships a GraphQL document can read, so that the
 * statements projecting them (`n __ENTITY__`, `r __LINK__` in cypher/) read those and no others: a
 * neighbourhood that shows ids and names then decodes three properties an entity instead of all of them, and
 * no quote of a relationship's source it does not show. Written by hand: it is the mapping from this schema's
 * fields to the properties their resolvers read, which no library knows.
 *
 * Each answer is null (read every property) unless every field the document selects on that type is one
 * listed here and every root field is one whose service was checked to read nothing else from a row (ROOTS),
 * so a field added later reads every property until it is listed.
 */

/** Entity field → stored properties its resolver reads (resolvers.ts, facts.ts); [] for fields loaded by id. */
const ENTITY_FIELD_KEYS: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  kind: [],
  name: [],
  aliases: ['aliases'],
  description: ['description'],
  aggregate: ['aggregate'],
  count: ['count'],
  validFrom: ['validFrom'],
  validUntil: ['validUntil'],
  documents: ['sources'],
  conflicts: ['conflicts'],
  // Computed by the statement from the entity's TYPE_PROPERTIES (executor.ts): one value instead of eight.
  type: [TYPES_KEY],
  date: ['date', 'year', 'period'],
  // Read through the loaders by the entity's id: no property of the entity itself; places are ranked
  // nearest first by their placeType (entities/service.ts, placesOf).
  sources: [],
  links: [],
  places: ['placeType'],
  members: [],
  chains: [],
  participants: [],
};

/** The `source_*` properties a relationship's provenance is read from (core/provenance.ts). */
const PROVENANCE = ['doc', 'title', 'lines', 'quote', 'finding', 'cites', 'table', 'kind', 'claim', 'about', 'also'].map((k) => `source_${k}`);
/** What a relationship's qualifier is read from (core/edges.ts, qualifierOf). */
const QUALIFIER = ['supportType', 'position', 'market', 'what'];

/** Relationship fields of Edge (a subgraph's, a path's, a trace's) and of Link (an entity's) → stored properties. */
const LINK_FIELD_KEYS: Record<string, Record<string, readonly string[]>> = {
  Edge: { __typename: [], id: [], type: [], source: [], target: [], form: ['form'], qualifier: QUALIFIER, validFrom: ['validFrom'], validUntil: ['validUntil'], provenance: PROVENANCE },
  Link: { __typename: [], id: [], type: [], from: [], to: [], other: [], direction: [], form: ['form'], qualifier: QUALIFIER, validFrom: ['validFrom'], validUntil: ['validUntil'], source: PROVENANCE },
};
/** Relationship properties the services read whatever is selected: the id (Link.id, Edge.id). */
const LINK_BASE = ['id'];
/**
 * Relationship properties a service reads for a field that is no relationship field: the joint-action form
 * for `byForm` (its counts), the chain position for an entity's `chains` and a chain's `participants` (a
 * ChainRole's role, from the PARTICIPATES_IN link).
 */
const LINK_KEYS_OF_FIELD: Record<string, readonly string[]> = { byForm: ['form'], chains: ['position'], participants: ['position'] };

/**
 * Root fields whose services read, from the entity rows they load, only what the Entity fields below them ask
 * for (plus id and kind): entity, entitiesByIds, neighbourhood, paths, traceValueChain, jointAction (whose
 * `scores` read the cluster's every figure: see FACT_TYPES).
 */
const ROOTS = new Set(['entity', 'entitiesByIds', 'neighbourhood', 'paths', 'traceValueChain', 'jointAction', '__typename']);

/**
 * Types computed from an entity row's stored figures (facts.ts): any field returning one (Entity.cluster,
 * Entity.chain, JointActionNetwork.scores) reads every property.
 */
const FACT_TYPES = new Set(['ClusterFacts', 'ChainFacts']);

/**
 * Fields that read entities by id through the entity loader, wherever they are (a link's ends, an entity's
 * members, places or chain roles): an entity reached as a link's other end may be one of them, so the link
 * ends a request reads are then read with the request's every key (and kept in the loader). Under a link's
 * other end, its own relationships and sources (read by its id) count too.
 */
const READS_ENTITIES_BY_ID = new Set(['from', 'to', 'members', 'places', 'chains', 'participants']);
const READ_BY_ID_UNDER_OTHER = new Set(['links', 'sources']);

const ALL: ReadKeys = { entity: null, link: null };
const cache = new WeakMap<DocumentNode, ReadKeys>();

/** The stored properties `document` can read, cached by the (cached) parsed document. */
export function readKeysOf(schema: GraphQLSchema, document: DocumentNode): ReadKeys {
  const known = cache.get(document);
  if (known !== undefined) return known;
  const keys = analyse(schema, document);
  cache.set(document, keys);
  return keys;
}

function analyse(schema: GraphQLSchema, document: DocumentNode): ReadKeys {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.some((o) => o.operation !== 'query')) return ALL;
  for (const o of operations) {
    for (const s of o.selectionSet.selections) if (s.kind !== Kind.FIELD || !ROOTS.has(s.name.value)) return ALL;
  }
  const keys = new Set<string>();
  const linkKeys = new Set<string>(LINK_BASE);
  // The Entity fields shown of a link's other end (Link.other), apart: see ReadKeys.linked.
  const otherKeys = new Set<string>();
  let all = false;
  let allLinks = false;
  let allOther = false;
  // Whether the ends of links may be read for anything but Link.other (see READS_ENTITIES_BY_ID), or through a
  // fragment defined apart, whose fields are visited away from where it is spread.
  let shared = document.definitions.some((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const within: string[] = [];
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node) {
          const parent = typeInfo.getParentType()?.name;
          const name = node.name.value;
          const enclosing = within[within.length - 1];
          within.push(`${parent}.${name}`);
          if (!parent) {
            all = allLinks = true;
            return;
          }
          if (READS_ENTITIES_BY_ID.has(name) || (READ_BY_ID_UNDER_OTHER.has(name) && within.includes('Link.other'))) shared = true;
          const type = typeInfo.getType();
          if (type && FACT_TYPES.has(getNamedType(type).name)) all = true;
          for (const k of LINK_KEYS_OF_FIELD[name] ?? []) linkKeys.add(k);
          const linkFields = LINK_FIELD_KEYS[parent];
          if (linkFields) {
            const read = linkFields[name];
            if (!read) allLinks = true;
            else for (const k of read) linkKeys.add(k);
            return;
          }
          if (parent !== 'Entity') return;
          const read = ENTITY_FIELD_KEYS[name];
          const other = enclosing === 'Link.other';
          if (!read) {
            if (other) allOther = true;
            else all = true;
          } else for (const k of read) (other ? otherKeys : keys).add(k);
        },
        leave() {
          within.pop();
        },
      },
    }),
  );
  const link = allLinks ? null : [...linkKeys].sort();
  const sameKeys = !all && otherKeys.size === keys.size && [...otherKeys].every((k) => keys.has(k));
  // Link ends read apart when nothing else reads them and they show other properties than the request's other entities.
  if (!shared && !allOther && !sameKeys) return { entity: all ? null : [...keys].sort(), link, linked: [...otherKeys].sort() };
  return { entity: all || allOther ? null : [...new Set([...keys, ...otherKeys])].sort(), link };
}
