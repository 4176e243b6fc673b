// Deletes an entity with its relationships and records the change; no row when there is no such entity.
// Parameters: $id, $who.
MATCH (n:Entity {id: $id})
WITH n, n.name AS name, n.kind AS kind
DETACH DELETE n
CREATE (:Change {at: toString(datetime()), who: $who, action: 'deleteEntity', target: $id, summary: 'deleted ' + kind + ' ' + name})
RETURN $id AS id, true AS deleted
