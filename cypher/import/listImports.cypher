// The imports, newest first, each as its source's properties.
// Parameters: $limit.
MATCH (s:Source {type: 'import'})
RETURN s {.*} AS s
ORDER BY s.importedAt DESC
LIMIT $limit
