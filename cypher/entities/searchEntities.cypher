// Full-text search across names, aliases and descriptions (accent- and case-folding analyzer), ranked,
// each hit with its stored properties (so the hits' entities cost no second round trip).
// Parameters: $q — a Lucene query built by the server from the user's words; $kinds — kinds to keep
//   (null for all); $limit.
CALL db.index.fulltext.queryNodes('entity_search', $q) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node.id AS id, node.kind AS kind, node.name AS name, score, node {.*} AS n
ORDER BY score DESC, name ASC
LIMIT $limit
