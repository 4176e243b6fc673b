// Counts entities by kind label, for the loader's report.
// Parameters: none.
MATCH (n:Entity)
RETURN n.kind AS label, count(*) AS count
ORDER BY label
