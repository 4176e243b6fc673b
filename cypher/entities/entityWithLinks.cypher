// An entity and its relationships in one round trip, for `Query.entity` when the selection reads them
// (links, members, places): the row entitiesByIds gives for the id and the rows linksByIds gives for it,
// in the same order, each with its other end's properties. No row when there is no such entity.
// Parameters: $id — the entity's id; $cap — most links returned.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WITH r, m ORDER BY type(r), m.name
  LIMIT $cap
  RETURN collect({type: type(r), props: r {.*}, outgoing: startNode(r) = n, otherId: m.id, other: m {.*}}) AS links
}
RETURN n {.*} AS n, links
