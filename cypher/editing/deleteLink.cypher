// Deletes a relationship by id and records the change; no row when there is no such relationship.
// Parameters: $id, $who.
MATCH (a:Entity)-[l:__LINK_TYPES__ {id: $id}]->(b:Entity)
WITH l, type(l) + ' ' + a.id + ' → ' + b.id AS what
DELETE l
CREATE (:Change {at: toString(datetime()), who: $who, action: 'deleteLink', target: $id, summary: 'deleted ' + what})
RETURN $id AS id, true AS deleted
