// How many arcs (ordered pairs with a tie; a symmetric tie counts both ways) the scope holds: sna's m.
// Parameters: $kinds, $ids (or null), $exclude, $types, $sym, $year.
MATCH (a:Entity)-[r]-(b:Entity)
WHERE type(r) IN $types AND a <> b AND (startNode(r) = a OR type(r) IN $sym)
  AND a.kind IN $kinds AND b.kind IN $kinds
  AND ($ids IS NULL OR (a.id IN $ids AND b.id IN $ids))
  AND NOT a.id IN $exclude AND NOT b.id IN $exclude
  AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
WITH DISTINCT a, b
RETURN count(*) AS arcs
