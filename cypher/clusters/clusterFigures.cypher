// Clusters that carry collective-efficiency or upgrading figures, with their sector group and country, for averages.
// Parameters: $ids — cluster ids to include (null: every cluster with figures).
// Rows: id, sectorGroup, country; items (the eight items, null where n.a.) and hasItems (any item stored);
//   recomputed and printed ({eei, jai, ce}); upgrading (the four scores, null when the cluster has none).
MATCH (c:Cluster)
WHERE ($ids IS NULL OR c.id IN $ids)
  AND (c.printed_ce IS NOT NULL OR c.computed_ce IS NOT NULL OR any(k IN keys(c) WHERE k STARTS WITH 'upgradingScores_'))
OPTIONAL MATCH (c)-[:LOCATED_IN*1..5]->(country:Place {placeType: 'country'})
WITH c, head(collect(DISTINCT country.id)) AS country
RETURN c.id AS id, c.sectorGroup AS sectorGroup, country,
       {labourMarket: c.externalEconomies_labourMarket, inputs: c.externalEconomies_inputs,
        information: c.externalEconomies_information, marketAccess: c.externalEconomies_marketAccess,
        backward: c.jointAction_backward, forward: c.jointAction_forward,
        horizontalBilateral: c.jointAction_horizontalBilateral, horizontalMultilateral: c.jointAction_horizontalMultilateral} AS items,
       any(k IN keys(c) WHERE k STARTS WITH 'externalEconomies_' OR k STARTS WITH 'jointAction_') AS hasItems,
       {eei: c.computed_eei, jai: c.computed_jai, ce: c.computed_ce} AS recomputed,
       {eei: c.printed_eei, jai: c.printed_jai, ce: c.printed_ce} AS printed,
       CASE WHEN any(k IN keys(c) WHERE k STARTS WITH 'upgradingScores_')
         THEN {product: c.upgradingScores_product, process: c.upgradingScores_process,
               functional: c.upgradingScores_functional, intersectoral: c.upgradingScores_intersectoral}
       END AS upgrading
ORDER BY id
