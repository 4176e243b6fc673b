// Relationships that already carry one of the given link ids, with their type and ends (one scan of the
// relationships, so the import asks once per several thousand ids).
// Parameters: $ids — list of link ids.
MATCH (a:Entity)-[l]->(b:Entity)
WHERE l.id IN $ids
RETURN l.id AS id, type(l) AS type, a.id AS from, b.id AS to
