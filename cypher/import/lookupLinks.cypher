// Relationships that already carry one of the given link ids, with their type and ends (an index seek per id
// and type: cypher/schema/010_link_id.cypher).
// Parameters: $ids — list of link ids.
MATCH (a:Entity)-[l:__LINK_TYPES__]->(b:Entity)
WHERE l.id IN $ids
RETURN l.id AS id, type(l) AS type, a.id AS from, b.id AS to
