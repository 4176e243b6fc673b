// Clusters that carry collective-efficiency or upgrading figures, with their country, for averages.
// Parameters: $ids — cluster ids to include (null: every cluster with figures).
MATCH (c:Cluster)
WHERE ($ids IS NULL OR c.id IN $ids)
  AND (c.printed_ce IS NOT NULL OR c.computed_ce IS NOT NULL OR any(k IN keys(c) WHERE k STARTS WITH 'upgradingScores_'))
OPTIONAL MATCH (c)-[:LOCATED_IN*1..5]->(country:Place {placeType: 'country'})
WITH c, head(collect(DISTINCT country.id)) AS country
RETURN c {.*} AS c, country
ORDER BY c.id
