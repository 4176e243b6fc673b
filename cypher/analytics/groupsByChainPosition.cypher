// Partition by chain position: lead when the actor leads a chain, else its PARTICIPATES_IN position (the first), or none.
// Parameters: $ids — actor ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[r:PARTICIPATES_IN|LEADS]->(:ValueChain)
WITH id, CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE r.position END AS pos ORDER BY pos
RETURN id, coalesce(head(collect(pos)), '(no position)') AS grp
