// Creates one batch of imported relationships between existing entities (the plan found none of their ids;
// the type comes from the allow-list of link types checked before the call).
// Parameters: $rows — list of {id, type, from, to, props}.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
CREATE (a)-[l:$(r.type)]->(b)
SET l = r.props
