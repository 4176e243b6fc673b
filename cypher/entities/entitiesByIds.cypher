// Loads entities by id (batched: one query for a whole DataLoader batch).
// Parameters: $ids — list of entity ids.
// Entities are projected as `__ENTITY__`: the properties the request's fields read (executor.ts, entityProjection), or all.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n __ENTITY__ AS n
