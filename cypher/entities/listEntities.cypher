// One page of entities of some kinds, filtered and sorted by an allow-listed property, plus the total.
// Parameters: $kinds (list of kind names), $country, $place (place ids, matched through LOCATED_IN*),
//   $sector, $sectorGroup, $governance (HS or GHS type), $governanceCode (the stored property holding the
//   printed pattern code of that type, from the server's allow-list, or null), $ceDegree,
//   $year (valid in that year), $aggregate (bool or null), $sortKey (property name from the allow-list),
//   $desc (bool), $skip, $limit. Entities without the sort property come last either way.
// Rows: total, page (the page's ids in order) and nodes (their stored properties).
// A value chain has no place or sector of its own: it answers those filters for its clusters (HAS_CHAIN).
// A cluster with printed governance codes (Tables 4, 8, 12) answers the governance filter from them
// (code > 0: the pattern is present); other clusters from their chains.
// The count and the page are two passes over the same filter, not one sorted list of every match: the page
// is then a top-k sort (ORDER BY … LIMIT keeps skip + limit rows), which at a million entities costs a
// fraction of sorting and collecting them all. Without filters besides kinds, listEntitiesByKind is used.
CALL () {
  MATCH (n:Entity)
  WHERE n.kind IN $kinds
  WITH n, CASE WHEN n.kind = 'ValueChain' THEN COLLECT { MATCH (c:Cluster)-[:HAS_CHAIN]->(n) RETURN c } ELSE [n] END AS subjects
  WHERE ($sector IS NULL OR any(s IN subjects WHERE toLower(s.sector) CONTAINS toLower($sector)))
    AND ($sectorGroup IS NULL OR any(s IN subjects WHERE s.sectorGroup = $sectorGroup))
    AND ($country IS NULL OR any(s IN subjects WHERE EXISTS { (s)-[:LOCATED_IN*1..5]->(:Place {id: $country}) }))
    AND ($place IS NULL OR any(s IN subjects WHERE EXISTS { (s)-[:LOCATED_IN*1..5]->(:Place {id: $place}) }))
    AND ($ceDegree IS NULL OR coalesce(n.printed_degree, n.computed_degree) = $ceDegree)
    AND ($year IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $year) AND (n.validUntil IS NULL OR n.validUntil >= $year)))
    AND ($aggregate IS NULL OR coalesce(n.aggregate, false) = $aggregate)
    AND ($governance IS NULL OR n.governanceHS = $governance OR n.governanceGHS = $governance
         OR ($governanceCode IS NOT NULL AND n[$governanceCode] IS NOT NULL AND n[$governanceCode] > 0)
         OR (($governanceCode IS NULL OR n[$governanceCode] IS NULL)
             AND EXISTS { (n)-[:HAS_CHAIN]->(c:ValueChain) WHERE c.governanceHS = $governance OR c.governanceGHS = $governance }))
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:Entity)
  WHERE n.kind IN $kinds
  WITH n, CASE WHEN n.kind = 'ValueChain' THEN COLLECT { MATCH (c:Cluster)-[:HAS_CHAIN]->(n) RETURN c } ELSE [n] END AS subjects
  WHERE ($sector IS NULL OR any(s IN subjects WHERE toLower(s.sector) CONTAINS toLower($sector)))
    AND ($sectorGroup IS NULL OR any(s IN subjects WHERE s.sectorGroup = $sectorGroup))
    AND ($country IS NULL OR any(s IN subjects WHERE EXISTS { (s)-[:LOCATED_IN*1..5]->(:Place {id: $country}) }))
    AND ($place IS NULL OR any(s IN subjects WHERE EXISTS { (s)-[:LOCATED_IN*1..5]->(:Place {id: $place}) }))
    AND ($ceDegree IS NULL OR coalesce(n.printed_degree, n.computed_degree) = $ceDegree)
    AND ($year IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $year) AND (n.validUntil IS NULL OR n.validUntil >= $year)))
    AND ($aggregate IS NULL OR coalesce(n.aggregate, false) = $aggregate)
    AND ($governance IS NULL OR n.governanceHS = $governance OR n.governanceGHS = $governance
         OR ($governanceCode IS NOT NULL AND n[$governanceCode] IS NOT NULL AND n[$governanceCode] > 0)
         OR (($governanceCode IS NULL OR n[$governanceCode] IS NULL)
             AND EXISTS { (n)-[:HAS_CHAIN]->(c:ValueChain) WHERE c.governanceHS = $governance OR c.governanceGHS = $governance }))
  WITH n, n[$sortKey] AS key
  WITH n ORDER BY key IS NULL ASC, CASE WHEN $desc THEN null ELSE key END ASC, CASE WHEN $desc THEN key END DESC, n.id ASC
  SKIP $skip LIMIT $limit
  RETURN collect(n.id) AS page, collect(n {.*}) AS nodes
}
RETURN total, page, nodes
