// One hop of a breadth-first expansion: the relationships of the frontier entities, of the chosen types,
// in the chosen direction, valid in the chosen year, skipping excluded entities. The server calls it once
// per hop after the first two (expandStart.cypher takes those). One row: `rows`, the relationships, each
// [id, type, source id, target id, properties], in id order and cut at $limit before any property is read;
// `nodes`, the stored properties of the entities they reach (the far ends, once each), so that the entities
// reached need no second round trip. A list per relationship and each entity once: a map per relationship
// with its far end's map in it took 1.18× the time for a 2-hop neighbourhood (bench/RESULTS.md).
// Variant: __TYPES__, the relationship types $types, and __LARROW__ / __RARROW__, $dir, written into the
//   pattern, as in expandStart.cypher.
// Parameters: $ids (frontier entity ids), $types (relationship types), $dir ('OUT' | 'IN' | 'BOTH'; the
//   symmetric types $sym are followed either way),
//   $year (int or null), $exclude (ids never entered), $limit (most relationships returned).
// Optional tests (`// optional: …`), left out by the variant's omit when the caller knows they hold: types
//   (written into the pattern), dir ($dir is 'BOTH', or written into the pattern), year (no $year), exclude
//   (no $exclude); and chains, the value chains of the entities reached, as expandStart.cypher's.
// Entities are projected as `__ENTITY__` and relationships' properties besides their id as `__LINK_REST__`: the properties the request's fields read
// (executor.ts, graphql/readKeys.ts), all, or null when it reads none.
UNWIND $ids AS id
MATCH (a:Entity {id: id})__LARROW__-[r__TYPES__]-__RARROW__(b:Entity)
WHERE true
  AND type(r) IN $types  // optional: types
  AND ($dir = 'BOTH' OR type(r) IN $sym OR ($dir = 'OUT' AND startNode(r) = a) OR ($dir = 'IN' AND endNode(r) = a))  // optional: dir
  AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))  // optional: year
  AND NOT b.id IN $exclude  // optional: exclude
WITH r, min(b.id) AS far
WITH r, startNode(r) AS s, endNode(r) AS e, far
ORDER BY r.id
LIMIT $limit
WITH r, s, e, CASE far WHEN s.id THEN s ELSE e END AS f
WITH collect([r.id, type(r), s.id, e.id, r __LINK_REST__]) AS rows, collect(DISTINCT f) AS reached
CALL (reached) { UNWIND reached AS e MATCH (e)-[r:PARTICIPATES_IN|LEADS|HAS_CHAIN]->(c:ValueChain) RETURN collect(DISTINCT {id: e.id, chain: c.id, role: CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'HAS_CHAIN' THEN 'cluster' ELSE coalesce(r.position, 'participant') END}) AS roles, collect(DISTINCT c) AS chains }  // optional: chains
RETURN rows, [f IN reached | f __ENTITY__] AS nodes
       , roles, [c IN chains | c {.*}] AS chains  // optional: chains
