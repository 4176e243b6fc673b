// One page of entities of some kinds, filtered and sorted by an allow-listed property, plus the total.
// Parameters: $kinds (list of kind names), $country, $place (place ids, matched through LOCATED_IN*),
//   $sector, $sectorGroup, $governance (HS or GHS type of the entity or of its chains), $ceDegree,
//   $year (valid in that year), $aggregate (bool or null), $sortKey (property name from the allow-list),
//   $desc (bool), $skip, $limit. Entities without the sort property come last either way.
MATCH (n:Entity)
WHERE n.kind IN $kinds
  AND ($sector IS NULL OR toLower(n.sector) CONTAINS toLower($sector))
  AND ($sectorGroup IS NULL OR n.sectorGroup = $sectorGroup)
  AND ($ceDegree IS NULL OR coalesce(n.printed_degree, n.computed_degree) = $ceDegree)
  AND ($year IS NULL OR ((n.validFrom IS NULL OR n.validFrom <= $year) AND (n.validUntil IS NULL OR n.validUntil >= $year)))
  AND ($aggregate IS NULL OR coalesce(n.aggregate, false) = $aggregate)
  AND ($country IS NULL OR EXISTS { (n)-[:LOCATED_IN*1..5]->(:Place {id: $country}) })
  AND ($place IS NULL OR EXISTS { (n)-[:LOCATED_IN*1..5]->(:Place {id: $place}) })
  AND ($governance IS NULL OR n.governanceHS = $governance OR n.governanceGHS = $governance
       OR EXISTS { (n)-[:HAS_CHAIN]->(c:ValueChain) WHERE c.governanceHS = $governance OR c.governanceGHS = $governance })
WITH n ORDER BY
  CASE WHEN n[$sortKey] IS NULL THEN 1 ELSE 0 END ASC,
  CASE WHEN $desc THEN null ELSE n[$sortKey] END ASC,
  CASE WHEN $desc THEN n[$sortKey] END DESC,
  n.id ASC
WITH collect(n.id) AS ids
RETURN size(ids) AS total, ids[$skip..($skip + $limit)] AS page
