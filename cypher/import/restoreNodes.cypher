// Gives entities back their properties without what an import added, and removes its statements about them.
// Parameters: $key, $rows — list of {id, props (the whole property map to keep)}.
MATCH (s:Source {key: $key})
UNWIND $rows AS r
MATCH (n:Entity {id: r.id})-[p:STATED_IN]->(s)
SET n = r.props
DELETE p
