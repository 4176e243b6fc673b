// The value chains entities take part in: directly (PARTICIPATES_IN, LEADS) or, for a cluster, its own (HAS_CHAIN).
// Each chain comes with its stored properties (`node`), so that its governance needs no second round trip.
// Parameters: $ids — entity ids.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)-[r:PARTICIPATES_IN|LEADS]->(c:ValueChain)
WITH e, id, collect(DISTINCT {chain: c.id, role: CASE type(r) WHEN 'LEADS' THEN 'lead' ELSE coalesce(r.position, 'participant') END, node: c {.*}}) AS direct
OPTIONAL MATCH (e)-[:HAS_CHAIN]->(own:ValueChain)
WITH id, direct, collect(DISTINCT {chain: own.id, role: 'cluster', node: own {.*}}) AS owned
RETURN id, [x IN direct + owned WHERE x.chain IS NOT NULL] AS chains
