// Whether a source is one of the seed documents (whose quotes are checked against its text).
// Parameters: $source.
MATCH (s:Source {key: $source})
RETURN s.file IS NOT NULL AS seedDocument
