// Loads entities by id (batched: one query for a whole DataLoader batch).
// Parameters: $ids — list of entity ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n {.*} AS n
