// Printed summary tables (e.g. Pietrobelli & Rabellotti Tables 17–19) with their rows as stored JSON.
// Parameters: $ids — table ids.
// Rows: id, title, rowsJson (a JSON list of {label, group, values, lines}).
MATCH (t:PrintedTable)
WHERE t.id IN $ids
RETURN t.id AS id, t.title AS title, t.rowsJson AS rowsJson
ORDER BY t.id
