// Registers an import as a source (who, when, files, checksums, rows) with status running, or finds the one
// an interrupted import left; returns the source's properties (committedRows: how many rows are committed).
// Parameters: $key, $props (map: the source's properties; status and committedRows are set here).
MERGE (s:Source {key: $key})
ON CREATE SET s = $props, s.status = 'running', s.committedRows = 0
RETURN s {.*} AS s
