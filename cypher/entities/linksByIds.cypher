// The relationships of the given entities that one query asks for, each with its other end (its id and stored
// properties, so that the other ends cost no second round trip). The filters apply before the cap: a hub's
// relationships of a rare type are found however many others it has.
// Parameters: $ids — list of entity ids; $types — relationship types (null: all); $dir — 'OUT', 'IN' or
//   'BOTH' (stored direction, seen from the entity); $year — only relationships valid in that year, unknown
//   bounds counting as valid (null: any); $cap — most relationships per entity, by type and the other end's
//   name, ties by the other end's id and the relationship's (null: all).
// Variant: __TYPES__ and __LARROW__ / __RARROW__, the types of $types and $dir written into the pattern (executor.ts). Optional tests (`// optional: …`), left out by
//   the variant's omit when the caller knows they hold: types (written into the pattern), dir ($dir is 'BOTH' or written into the pattern),
//   year (no $year).
// Entities are projected as `__ENTITY__`, the other ends of links as `__LINKED__` and relationships as `__LINK__`:
//   the properties the request's fields read there (executor.ts, graphql/readKeys.ts), or all.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)__LARROW__-[r__TYPES__]-__RARROW__(m:Entity)
  WHERE true
    AND ($types IS NULL OR type(r) IN $types)  // optional: types
    AND ($dir = 'BOTH' OR ($dir = 'OUT') = (startNode(r) = n))  // optional: dir
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))  // optional: year
  RETURN r, m, startNode(r) = n AS outgoing
  ORDER BY type(r), m.name, m.id, r.id
  LIMIT coalesce($cap, 4294967295)
}
RETURN id, type(r) AS type, r __LINK__ AS props, outgoing, m.id AS otherId, m __LINKED__ AS other
