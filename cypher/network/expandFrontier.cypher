// One hop of a breadth-first expansion: the relationships of the frontier entities, of the chosen types,
// in the chosen direction, valid in the chosen year, skipping excluded entities. The server calls it once
// per hop (k ≤ MAX_HOPS), so a neighbourhood costs at most k round trips.
// Parameters: $ids (frontier entity ids), $types (relationship types), $dir ('OUT' | 'IN' | 'BOTH'; the
//   symmetric types $sym are followed either way),
//   $year (int or null), $exclude (ids never entered), $limit (most relationships returned).
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r]-(b:Entity)
WHERE type(r) IN $types
  AND ($dir = 'BOTH' OR type(r) IN $sym OR ($dir = 'OUT' AND startNode(r) = a) OR ($dir = 'IN' AND endNode(r) = a))
  AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
  AND NOT b.id IN $exclude
WITH DISTINCT r, startNode(r) AS s, endNode(r) AS e
RETURN r.id AS id, type(r) AS type, s.id AS source, e.id AS target, r {.*} AS props
ORDER BY id
LIMIT $limit
