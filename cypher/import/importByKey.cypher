// One import's source, by key.
// Parameters: $key.
MATCH (s:Source {key: $key, type: 'import'})
RETURN s {.*} AS s
