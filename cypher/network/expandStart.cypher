// The first hop of a breadth-first expansion with its start resolved in the same round trip: the entities of
// $ids with their stored properties (`starts`: the caller checks that they exist, and shows them, without a
// second round trip) and, when $membersOf names a cluster, its members (entities with a MEMBER_OF link to it),
// which join the start: a cluster's joint action and a chain traced from a cluster start from the cluster and
// its members. From that start, one hop exactly as expandFrontier.cypher takes it (same filters, same order,
// same cut at $limit), as `rows`; the later hops are expandFrontier's.
// Variant: __TYPES__, the relationship types $types written into the pattern (`:SUPPLIES|SELLS_TO`), so that
//   Neo4j follows only those (0.84–1.0× the time of testing type(r) on every relationship, bench/RESULTS.md).
// Parameters: $ids (start entity ids), $membersOf (cluster id or null), $types (relationship types),
//   $dir ('OUT' | 'IN' | 'BOTH'; the symmetric types $sym are followed either way), $year (int or null),
//   $exclude (ids never entered), $limit (most relationships returned).
// One row: starts (stored properties of the entities of $ids found, in the order of $ids), members (stored
//   properties of the members, by id), rows (each {id, type, source, target, props, node} as expandFrontier's).
// Optional tests (`// optional: …`), left out by the variant's omit when the caller knows they hold: types
//   (written into the pattern), dir ($dir is 'BOTH'), year (no $year), exclude (no $exclude).
// Entities are projected as `__ENTITY__` and relationships as `__LINK__`: the properties the request's fields read (executor.ts, graphql/readKeys.ts), or all.
CALL () {
  UNWIND $ids AS id
  MATCH (a:Entity {id: id})
  RETURN collect(a) AS starts
}
CALL () {
  OPTIONAL MATCH (m:Entity)-[:MEMBER_OF]->(:Entity:Cluster {id: $membersOf})
  WITH DISTINCT m WHERE m IS NOT NULL
  ORDER BY m.id
  RETURN collect(m) AS members
}
CALL (starts, members) {
  UNWIND starts + members AS a
  WITH DISTINCT a
  MATCH (a)-[r__TYPES__]-(b:Entity)
  WHERE true
    AND type(r) IN $types  // optional: types
    AND ($dir = 'BOTH' OR type(r) IN $sym OR ($dir = 'OUT' AND startNode(r) = a) OR ($dir = 'IN' AND endNode(r) = a))  // optional: dir
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))  // optional: year
    AND NOT b.id IN $exclude  // optional: exclude
  WITH r, min(b.id) AS far
  WITH r, startNode(r) AS s, endNode(r) AS e, far
  ORDER BY r.id
  LIMIT $limit
  RETURN collect({id: r.id, type: type(r), source: s.id, target: e.id, props: r __LINK__, node: CASE far WHEN s.id THEN s __ENTITY__ ELSE e __ENTITY__ END}) AS rows
}
RETURN [a IN starts | a __ENTITY__] AS starts, [m IN members | m __ENTITY__] AS members, rows
