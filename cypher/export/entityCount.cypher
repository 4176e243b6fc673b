// How many entities an export selects, to refuse a GraphQL export over MAX_SUBGRAPH_NODES before it runs.
// Parameters: $ids (the selected ids, or null for the whole graph), $kinds (kinds kept), $exclude (ids left out).
MATCH (n:Entity)
WHERE ($ids IS NULL OR n.id IN $ids) AND n.kind IN $kinds AND NOT n.id IN $exclude
RETURN count(n) AS count
