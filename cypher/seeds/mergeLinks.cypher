// Creates or updates relationships by id between existing entities; the type comes from the allow-list of
// link types checked before the call.
// Parameters: $rows — list of {id, type, from, to, props}.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[l:$(r.type) {id: r.id}]->(b)
SET l = r.props
