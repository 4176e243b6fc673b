// The relationships of the given entities in both directions, capped per entity, each with its other end
// (its id and stored properties, so that the other ends cost no second round trip).
// Parameters: $ids — list of entity ids; $cap — most links returned per entity.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  RETURN r, m, startNode(r) = n AS outgoing
  ORDER BY type(r), m.name
  LIMIT $cap
}
RETURN id, type(r) AS type, r {.*} AS props, outgoing, m.id AS otherId, m {.*} AS other
