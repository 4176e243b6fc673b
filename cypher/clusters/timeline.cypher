// Upgrading episodes and events of entities (a cluster and, on request, its members), for a timeline.
// Parameters: $ids — entity ids.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (e)-[:UNDERWENT]->(u:Upgrading)
  RETURN u AS item
  UNION
  MATCH (ev:Event)-[:AFFECTS]->(e)
  RETURN ev AS item
}
RETURN DISTINCT item.id AS id, e.id AS subject
