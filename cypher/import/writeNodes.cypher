// Writes what one batch of import rows adds to entities that exist: the properties the plan computed (blanks
// filled, aliases and conflicts added; never a stored value overwritten) and this import's statement.
// Parameters: $key (the import's source key), $rows — list of {id, set (map), statement (map with key)}.
MATCH (s:Source {key: $key})
UNWIND $rows AS r
MATCH (n:Entity {id: r.id})
SET n += r.set
MERGE (n)-[p:STATED_IN {key: r.statement.key}]->(s)
ON CREATE SET p = r.statement
