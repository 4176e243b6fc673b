// The first hops of a breadth-first expansion with its start resolved in the same round trip: the entities of
// $ids with their stored properties (`starts`: the caller checks that they exist, and shows them, without a
// second round trip) and, when $membersOf names a cluster, its members (entities with a MEMBER_OF link to it),
// which join the start: a cluster's joint action and a chain traced from a cluster start from the cluster and
// its members. From that start, one hop exactly as expandFrontier.cypher takes it (same filters, same order,
// same cut at $limit), as `rows`; then, when $hops is 2 or more, the second hop as expandFrontier would take it
// from the entities the first one reached (`rows2`), and when $hops is 3 or more the third from the entities
// the second reached (`rows3`), so that a neighbourhood of up to three hops, or a three-tier trace, costs one
// round trip. A hop is left out (`second`, `third` false) when the one before already cut the expansion short:
// more than $limit - 1 rows (the per-hop limit), or more than $maxNodes entities for certain ($idCount distinct
// ids of $ids and the entities reached, which are none of them). The later hops are expandFrontier's.
// Variant: __TYPES__, the relationship types $types written into the pattern (`:SUPPLIES|SELLS_TO`), so that
//   Neo4j follows only those (0.84–1.0× the time of testing type(r) on every relationship, bench/RESULTS.md);
//   __LARROW__ / __RARROW__, $dir written into the pattern when no symmetric type is followed (executor.ts).
// Parameters: $ids (start entity ids), $idCount (how many distinct ids $ids holds), $membersOf (cluster id or
//   null), $types (relationship types), $dir ('OUT' | 'IN' | 'BOTH'; the symmetric types $sym are followed
//   either way), $year (int or null), $exclude (ids never entered), $limit (most relationships returned a
//   hop), $hops (hops the caller takes), $maxNodes (most entities the caller keeps).
// One row: starts (stored properties of the entities of $ids found, in the order of $ids), members (stored
//   properties of the members, in no order: the caller sorts them), rows and nodes (the first hop, as expandFrontier's), second (whether
//   the second hop was taken), rows2 and nodes2 (the second hop, as expandFrontier's; empty when not taken),
//   third, rows3 and nodes3 (the same for the third).
// Optional parts (`// optional: …`), left out by the variant's omit when the caller knows they hold or have
//   nothing to do: the tests types (written into the pattern), dir ($dir is 'BOTH', or written into the
//   pattern), year (no $year), exclude (no $exclude); the lookup of members (no $membersOf: none); the second
//   hop, deeper ($hops is 1: `second` false, its lists empty), and the third hop, third ($hops under 3: `third`
//   false, its lists empty); and, left out unless a chain is traced, chains: `roles`, the value chains of the start, the
//   members and every entity reached, with the role each has in each (lead, cluster for a cluster's own chain,
//   else its stated position; distinct), and `chains`, those chains' stored properties, once each. Read here
//   from the entities at hand: looked up again by id, the ~400 entities of a trace cost 3.8 ms of index seeks.
// Entities are projected as `__ENTITY__` and relationships' properties besides their id as `__LINK_REST__`: the properties the request's fields read
// (executor.ts, graphql/readKeys.ts), all, or null when it reads none.
CALL () {
  UNWIND $ids AS id
  MATCH (a:Entity {id: id})
  RETURN collect(a) AS starts
}
// optional: members {
CALL () {
  OPTIONAL MATCH (m:Entity)-[:MEMBER_OF]->(:Entity:Cluster {id: $membersOf})
  WITH DISTINCT m WHERE m IS NOT NULL
  RETURN collect(m) AS members
}
// } members
WITH starts, [] AS members  // instead: members
CALL (starts, members) {
  UNWIND starts + members AS a
  WITH DISTINCT a
  MATCH (a)__LARROW__-[r__TYPES__]-__RARROW__(b:Entity)
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
  RETURN collect([r.id, type(r), s.id, e.id, r __LINK_REST__]) AS rows, collect(DISTINCT f) AS reached
}
// optional: deeper {
// The entities the first hop reached that were not in the start: the second hop's frontier, as the caller's
// (an id of $ids, a member by its MEMBER_OF link: tested so, not by looking through the lists of the start,
// which took a trace from a 425-member cluster 6 ms more).
WITH starts, members, rows, reached,
     CASE WHEN $hops >= 2 AND size(rows) < $limit
       THEN [f IN reached WHERE NOT f.id IN $ids AND ($membersOf IS NULL OR NOT EXISTS { (f)-[:MEMBER_OF]->(:Entity:Cluster {id: $membersOf}) })]
       ELSE [] END AS frontier
WITH starts, members, rows, reached, frontier, $hops >= 2 AND size(rows) < $limit AND $idCount + size(frontier) <= $maxNodes AS second
CALL (frontier, second) {
  UNWIND CASE WHEN second THEN frontier ELSE [] END AS a
  MATCH (a)__LARROW__-[r__TYPES__]-__RARROW__(b:Entity)
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
  RETURN collect([r.id, type(r), s.id, e.id, r __LINK_REST__]) AS rows2, collect(DISTINCT f) AS reached2
}
// } deeper
WITH starts, members, rows, reached, [] AS frontier, false AS second, [] AS rows2, [] AS reached2  // instead: deeper
// optional: third {
// The entities the second hop reached that were in neither the start nor the first hop's reach: the third
// hop's frontier (a list looked through as a set: Neo4j hashes it once).
WITH starts, members, rows, reached, frontier, second, rows2, reached2,
     CASE WHEN second AND $hops >= 3 AND size(rows2) < $limit
       THEN [f IN reached2 WHERE NOT f IN frontier AND NOT f.id IN $ids AND ($membersOf IS NULL OR NOT EXISTS { (f)-[:MEMBER_OF]->(:Entity:Cluster {id: $membersOf}) })]
       ELSE [] END AS frontier2
WITH starts, members, rows, reached, second, rows2, reached2, frontier2,
     second AND $hops >= 3 AND size(rows2) < $limit AND $idCount + size(frontier) + size(frontier2) <= $maxNodes AS third
CALL (frontier2, third) {
  UNWIND CASE WHEN third THEN frontier2 ELSE [] END AS a
  MATCH (a)__LARROW__-[r__TYPES__]-__RARROW__(b:Entity)
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
  RETURN collect([r.id, type(r), s.id, e.id, r __LINK_REST__]) AS rows3, collect(DISTINCT f) AS reached3
}
// } third
WITH starts, members, rows, reached, second, rows2, reached2, false AS third, [] AS rows3, [] AS reached3  // instead: third
CALL (starts, members, reached, reached2, reached3) { UNWIND starts + members + reached + reached2 + reached3 AS e WITH DISTINCT e MATCH (e)-[r:PARTICIPATES_IN|LEADS|HAS_CHAIN]->(c:ValueChain) RETURN collect(DISTINCT {id: e.id, chain: c.id, role: CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'HAS_CHAIN' THEN 'cluster' ELSE coalesce(r.position, 'participant') END}) AS roles, collect(DISTINCT c) AS chains }  // optional: chains
RETURN [a IN starts | a __ENTITY__] AS starts, [m IN members | m __ENTITY__] AS members, rows, [f IN reached | f __ENTITY__] AS nodes,
       second, rows2, [f IN reached2 | f __ENTITY__] AS nodes2, third, rows3, [f IN reached3 | f __ENTITY__] AS nodes3
       , roles, [c IN chains | c {.*}] AS chains  // optional: chains
