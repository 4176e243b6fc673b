// The arcs of an analysis scope: one row per ordered pair with a tie of the chosen types (parallel ties
// merged, self-loops dropped), with whether a symmetric type ties them (then the pair counts both ways).
// Parameters: $kinds, $ids (or null), $exclude, $types, $sym (symmetric types), $year (or null).
MATCH (a:Entity)-[r]->(b:Entity)
WHERE type(r) IN $types AND a <> b
  AND a.kind IN $kinds AND b.kind IN $kinds
  AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
  AND NOT a.id IN $exclude AND NOT b.id IN $exclude
  AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
RETURN a.id AS source, b.id AS target, max(CASE WHEN type(r) IN $sym THEN 1 ELSE 0 END) = 1 AS symmetric
