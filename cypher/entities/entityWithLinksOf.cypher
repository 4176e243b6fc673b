// An entity and its relationships that one query asks for, in one round trip: entityWithLinks.cypher for the
// common case of a single query (one `links(…)`, or `members`, or `places`), with the query's tests as
// linksByIds.cypher writes them, so that the tests that hold are left out and the cap is a plain LIMIT
// (entityWithLinks must slice a collected list instead, its caps being per query). A cluster's members:
// 0.87× the time of entityWithLinks on the 1,000,000-actor store (bench/RESULTS.md).
// Parameters: $id — the entity's id; $types, $dir, $year, $cap — as linksByIds.cypher's.
// Row: n (stored properties), links (for each relationship linksByIds gives for the id, in its order, a list
//   [type, properties, outgoing, the other end's properties]: a list, not a map, costs less to send and
//   decode; bench/RESULTS.md). No row when there is no such entity.
// Variant: __TYPES__ and __LARROW__ / __RARROW__, the types of $types and $dir written into the pattern (executor.ts). Optional tests (`// optional: …`), left out
//   by the variant's omit when the caller knows they hold: types (written into the pattern), dir ($dir is
//   'BOTH' or written into the pattern), year (no $year).
// Entities are projected as `__ENTITY__`, the other ends of links as `__LINKED__` and relationships as `__LINK__`:
//   the properties the request's fields read there (executor.ts, graphql/readKeys.ts), or all.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)__LARROW__-[r__TYPES__]-__RARROW__(m:Entity)
  WHERE true
    AND ($types IS NULL OR type(r) IN $types)  // optional: types
    AND ($dir = 'BOTH' OR ($dir = 'OUT') = (startNode(r) = n))  // optional: dir
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))  // optional: year
  WITH r, m ORDER BY type(r), m.name, m.id, r.id
  LIMIT coalesce($cap, 4294967295)
  RETURN collect([type(r), r __LINK__, startNode(r) = n, m __LINKED__]) AS links
}
RETURN n __ENTITY__ AS n, links
