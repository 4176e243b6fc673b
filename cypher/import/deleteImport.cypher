// Deletes an import's source once nothing it stated is left; returns its key (no row when there is none).
// Parameters: $key.
MATCH (s:Source {key: $key, type: 'import'})
WHERE NOT EXISTS { (s)<-[:STATED_IN]-() }
DELETE s
RETURN $key AS key
