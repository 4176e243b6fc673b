// Attaches each declaration or claim about an entity (or printed table) to its source document.
// Parameters: $rows — list of {id, key, doc, props}.
UNWIND $rows AS r
MATCH (n {id: r.id}) WHERE n:Entity OR n:PrintedTable
MATCH (s:Source {key: r.doc})
MERGE (n)-[p:STATED_IN {key: r.key}]->(s)
SET p = r.props
