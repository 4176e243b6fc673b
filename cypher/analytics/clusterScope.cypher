// A cluster's members and the actors directly tied to them (any of the chosen types, either way).
// Parameters: $clusterId, $types.
MATCH (m:Entity)-[:MEMBER_OF]->(:Entity:Cluster {id: $clusterId})
OPTIONAL MATCH (m)-[r]-(p:Entity)
WHERE type(r) IN $types
WITH collect(DISTINCT m.id) + collect(DISTINCT p.id) AS ids
RETURN [x IN ids WHERE x IS NOT NULL] AS ids
