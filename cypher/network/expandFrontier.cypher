// One hop of a breadth-first expansion: the relationships of the frontier entities, of the chosen types,
// in the chosen direction, valid in the chosen year, skipping excluded entities. The server calls it once
// per hop (k ≤ MAX_HOPS), so a neighbourhood costs at most k round trips. Each row carries the stored
// properties of its far end (`node`, the end reached from the frontier), so the entities reached need no
// second round trip; rows are cut at $limit before any property is read.
// Variant: __TYPES__, the relationship types $types, and __LARROW__ / __RARROW__, $dir, written into the
//   pattern, as in expandStart.cypher.
// Parameters: $ids (frontier entity ids), $types (relationship types), $dir ('OUT' | 'IN' | 'BOTH'; the
//   symmetric types $sym are followed either way),
//   $year (int or null), $exclude (ids never entered), $limit (most relationships returned).
// Optional tests (`// optional: …`), left out by the variant's omit when the caller knows they hold: types
//   (written into the pattern), dir ($dir is 'BOTH', or written into the pattern), year (no $year), exclude
//   (no $exclude).
// Entities are projected as `__ENTITY__` and relationships as `__LINK__`: the properties the request's fields read (executor.ts, graphql/readKeys.ts), or all.
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
RETURN r.id AS id, type(r) AS type, s.id AS source, e.id AS target, r __LINK__ AS props,
       CASE far WHEN s.id THEN s __ENTITY__ ELSE e __ENTITY__ END AS node
