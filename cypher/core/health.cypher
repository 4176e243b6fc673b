// The database's version and how many entities it holds.
// Parameters: none.
CALL dbms.components() YIELD versions
WITH head(versions) AS version
OPTIONAL MATCH (n:Entity)
RETURN version, count(n) AS entities
