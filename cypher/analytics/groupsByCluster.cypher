// Partition by cluster: each actor's cluster (MEMBER_OF; the first by id when several), or none.
// Parameters: $ids — actor ids.
UNWIND $ids AS id
OPTIONAL MATCH (:Entity {id: id})-[:MEMBER_OF]->(c:Cluster)
WITH id, c.id AS cluster ORDER BY cluster
RETURN id, coalesce(head(collect(cluster)), '(no cluster)') AS grp
