// The value chains entities take part in: directly (PARTICIPATES_IN, LEADS) or, for a cluster, its own (HAS_CHAIN).
// One row: `roles`, each entity's chains with the role it has in each (distinct), and `chains`, the stored
// properties of every chain named there, once each (a trace asks for hundreds of entities in a few chains, so
// the chains' properties are not repeated for each entity), so that their governance needs no second round trip.
// Parameters: $ids — entity ids.
UNWIND $ids AS id
MATCH (e:Entity {id: id})-[r:PARTICIPATES_IN|LEADS|HAS_CHAIN]->(c:ValueChain)
WITH collect(DISTINCT {id: id, chain: c.id, role: CASE type(r) WHEN 'LEADS' THEN 'lead' WHEN 'HAS_CHAIN' THEN 'cluster' ELSE coalesce(r.position, 'participant') END}) AS roles,
     collect(DISTINCT c) AS chains
RETURN roles, [c IN chains | c {.*}] AS chains
