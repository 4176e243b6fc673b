// The actors that take part in or lead value chains, with their position.
// Parameters: $ids — chain ids.
UNWIND $ids AS id
MATCH (a:Entity)-[r:PARTICIPATES_IN|LEADS]->(:ValueChain {id: id})
RETURN id, a.id AS actor, CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE coalesce(r.position, 'participant') END AS role
ORDER BY id, role, actor
