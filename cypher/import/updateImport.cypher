// Records an import's progress or its end (committed rows, status, counts) on its source.
// Parameters: $key, $props (map of properties to set).
MATCH (s:Source {key: $key})
SET s += $props
RETURN s.key AS key
