// The state of the named indexes (uniqueness constraints are backed by an index of the same name), for
// readiness: the schema is applied when every index of cypher/schema/ is ONLINE.
// Parameters: $names — the index and constraint names declared in cypher/schema/.
SHOW INDEXES YIELD name, state
WHERE name IN $names
RETURN name, state
