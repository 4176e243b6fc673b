// One relationship by id, seen from its start node.
// Parameters: $id.
MATCH (a:Entity)-[l:__LINK_TYPES__ {id: $id}]->(b:Entity)
RETURN a.id AS selfId, b.id AS otherId, true AS outgoing, type(l) AS type, l {.*} AS props
