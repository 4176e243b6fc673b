// Creates or updates entities by id, replacing their properties; the kind label comes from an allow-list
// checked before the call (seed check / mutation validation).
// Parameters: $rows — list of {id, kind, props}.
UNWIND $rows AS r
MERGE (n:Entity {id: r.id})
SET n = r.props, n:$(r.kind)
