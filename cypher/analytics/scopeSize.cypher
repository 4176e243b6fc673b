// How many actors an analysis scope holds (checked against MAX_BROKERAGE_NODES before anything is read).
// Parameters: $kinds, $ids (or null), $exclude.
MATCH (a:Entity)
WHERE a.kind IN $kinds AND ($ids IS NULL OR a.id IN $ids) AND NOT a.id IN $exclude
RETURN count(a) AS actors
