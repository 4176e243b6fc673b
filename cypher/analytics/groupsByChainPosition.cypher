// Partition by chain position: 'lead' for an actor that leads a value chain (LEADS), otherwise the
// alphabetically first of its PARTICIPATES_IN positions, or '(no position)'. Leading a chain is the
// position that governs it, so it wins over any participation.
// Parameters: $ids — actor ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (n)-[r:PARTICIPATES_IN|LEADS]->(:ValueChain)
WITH id, CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE r.position END AS pos
ORDER BY CASE WHEN pos = 'lead' THEN 0 ELSE 1 END, pos
RETURN id, coalesce(head(collect(pos)), '(no position)') AS grp
