// Creates or updates the printed summary tables (sector-group averages) with their source.
// Parameters: $rows — list of {id, doc, props}.
UNWIND $rows AS r
MERGE (t:PrintedTable {id: r.id})
SET t = r.props
WITH t, r
MATCH (s:Source {key: r.doc})
MERGE (t)-[:FROM_SOURCE]->(s)
