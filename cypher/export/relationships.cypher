// The relationships leaving one page of an export's entities, of the chosen types, valid in the chosen year,
// to entities of the kinds kept; the server keeps those whose other end is in the selection.
// Parameters: $ids (the page's entity ids), $types (relationship types), $year (int or null: ties whose
//   validFrom–validUntil span covers it, unknown bounds counting as valid), $kinds (kinds kept),
//   $exclude (ids left out).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]->(b:Entity)
WHERE type(r) IN $types AND a.kind IN $kinds AND b.kind IN $kinds AND NOT a.id IN $exclude AND NOT b.id IN $exclude
  AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
RETURN coalesce(r.id, elementId(r)) AS id, type(r) AS type, a.id AS source, b.id AS target, r {.*} AS props
ORDER BY source, type, id
