// Relationships an import's edge rows would create that exist already (same id, found from their start
// node), with their properties, so a repeated import adds nothing and a differing one is a conflict.
// Parameters: $rows — list of {id, from}.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})-[l]->(b:Entity)
WHERE l.id = r.id
RETURN l.id AS id, type(l) AS type, b.id AS to, l {.*} AS props
