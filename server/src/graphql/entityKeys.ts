import { getNamedType, TypeInfo, visit, visitWithTypeInfo, Kind, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * Which stored entity properties a GraphQL document can read, so that the statements projecting entities
 * (`n __ENTITY__` in cypher/) read those and no others: a neighbourhood that shows ids and names then
 * decodes three properties an entity instead of all of them. Written by hand: it is the mapping from this
 * schema's Entity fields to the properties their resolvers read, which no library knows.
 *
 * The answer is null (read every property) unless every field the document selects on Entity is one listed
 * here and every root field is one whose service was checked to read nothing else from an entity row (ROOTS),
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
  type: ['roles', 'buyerType', 'institutionType', 'programType', 'role', 'placeType', 'eventType', 'upgradingType'],
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

const cache = new WeakMap<DocumentNode, readonly string[] | null>();

/** The entity properties `document` can read (id, kind and name implied), or null for all of them. */
export function entityKeysOf(schema: GraphQLSchema, document: DocumentNode): readonly string[] | null {
  const known = cache.get(document);
  if (known !== undefined) return known;
  const keys = analyse(schema, document);
  cache.set(document, keys);
  return keys;
}

function analyse(schema: GraphQLSchema, document: DocumentNode): readonly string[] | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.some((o) => o.operation !== 'query')) return null;
  for (const o of operations) {
    for (const s of o.selectionSet.selections) if (s.kind !== Kind.FIELD || !ROOTS.has(s.name.value)) return null;
  }
  const keys = new Set<string>();
  let all = false;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType()?.name;
        if (!parent) {
          all = true;
          return;
        }
        const type = typeInfo.getType();
        if (type && FACT_TYPES.has(getNamedType(type).name)) all = true;
        if (parent !== 'Entity') return;
        const read = ENTITY_FIELD_KEYS[node.name.value];
        if (!read) all = true;
        else for (const k of read) keys.add(k);
      },
    }),
  );
  return all ? null : [...keys].sort();
}
