// The members of clusters (entities with a MEMBER_OF link to them), for joint action and chain tracing.
// Each member comes with its stored properties (`nodes`), so that loading them costs no second round trip.
// Parameters: $ids — cluster ids.
UNWIND $ids AS id
MATCH (m:Entity)-[:MEMBER_OF]->(c:Entity:Cluster {id: id})
RETURN id AS cluster, collect(DISTINCT m.id) AS members, collect(DISTINCT m {.*}) AS nodes
