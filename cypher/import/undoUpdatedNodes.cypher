// A batch of this import's statements about entities it did not create, with each entity's properties and
// what the import added to it, for the undo to take out.
// Parameters: $key, $limit.
MATCH (:Source {key: $key})<-[p:STATED_IN]-(n:Entity)
WHERE p.created = false
RETURN n.id AS id, n {.*} AS props, coalesce(p.filled, []) AS filled, coalesce(p.addedJson, '{}') AS added
LIMIT $limit
