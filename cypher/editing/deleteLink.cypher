// Deletes a relationship by id and records the change.
// Parameters: $id, $who.
MATCH (a:Entity)-[l {id: $id}]->(b:Entity)
WITH l, type(l) + ' ' + a.id + ' → ' + b.id AS what
DELETE l
CREATE (:Change {at: toString(datetime()), who: $who, action: 'deleteLink', target: $id, summary: 'deleted ' + what})
RETURN true AS deleted
