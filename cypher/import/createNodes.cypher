// Creates one batch of imported entities that are new (the plan found none of their ids), each with its
// kind label (from an allow-list checked before the call) and this import's statement about it.
// Parameters: $key (the import's source key), $rows — list of {id, kind, set (map), statement (map with key)}.
MATCH (s:Source {key: $key})
UNWIND $rows AS r
CREATE (n:Entity)
SET n = r.set, n:$(r.kind)
CREATE (n)-[p:STATED_IN]->(s)
SET p = r.statement
