// Deletes a batch of the relationships an import created (their source is the import); returns how many
// (0 when none is left).
// Parameters: $key, $limit.
MATCH (:Entity)-[l]->(:Entity)
WHERE l.source_doc = $key AND l.origin = 'import'
WITH l LIMIT $limit
DELETE l
RETURN count(*) AS deleted
