// One page of entities of some kinds, sorted by an allow-listed property, plus the total: listEntities
// when no other filter is given (the viewer's and an API client's browsing). Without the per-row filter
// tests it reads each entity once to count and once to rank, as a hand-written page would.
// Parameters: $kinds (list of kind names), $sortKey (property name from the allow-list), $desc (bool),
//   $skip, $limit. Entities without the sort property come last either way.
// Rows: total, page (the page's ids in order) and nodes (their stored properties).
CALL () {
  MATCH (n:Entity)
  WHERE n.kind IN $kinds
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Entity)
  WHERE n.kind IN $kinds
  WITH n, n[$sortKey] AS key
  WITH n ORDER BY key IS NULL ASC, CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC, n.id ASC
  SKIP $skip LIMIT $limit
  RETURN collect(n.id) AS page, collect(n {.*}) AS nodes
}
RETURN total, page, nodes
