// Every statement about the given entities (declarations, claims, score sources) with its document title.
// Parameters: $ids — list of entity ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})-[p:STATED_IN]->(s:Source)
RETURN id, p {.*, title: s.title} AS p
ORDER BY id, p.doc, p.key
