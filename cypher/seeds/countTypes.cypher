// Counts relationships between entities by type, for the loader's report.
// Parameters: none.
MATCH (:Entity)-[r]->(:Entity)
RETURN type(r) AS type, count(*) AS count
ORDER BY type
