// The printed summary tables (as stored JSON rows) with their titles.
// Parameters: $ids — table ids (null: all).
MATCH (t:PrintedTable)
WHERE $ids IS NULL OR t.id IN $ids
RETURN t.id AS id, t.title AS title, t.rowsJson AS rowsJson, t.doc AS doc, t.lines AS lines, t.quote AS quote
ORDER BY t.id
