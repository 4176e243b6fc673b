// Creates or updates the source documents.
// Parameters: $rows — list of {key, props}.
UNWIND $rows AS r
MERGE (s:Source {key: r.key})
SET s = r.props
