// Gould–Fernandez brokerage counts per broker, counted where the data is. For every two-path a → v → b
// with a, v, b distinct, arcs a→v and v→b, and NO arc a→b (an arc b→a does not block), the broker v
// scores one in the role named by the groups of a, v, b (sna::brokerage semantics; parallel ties merged
// because each pair is collected once; symmetric types count both ways).
// Parameters: $kinds, $ids (or null), $exclude, $types, $sym, $year, and the partition: $prop (a property
//   name; the group is its value as text) or, when $prop is null, $groups (map id → group).
MATCH (v:Entity)
WHERE v.kind IN $kinds AND ($ids IS NULL OR v.id IN $ids) AND NOT v.id IN $exclude
CALL (v) {
  // Anchored on v (the planner must not start from a label scan of a: that would make the count quadratic).
  MATCH (v)-[r]-(a)
  WHERE a:Entity AND type(r) IN $types AND a <> v AND (endNode(r) = v OR type(r) IN $sym)
    AND a.kind IN $kinds AND ($ids IS NULL OR a.id IN $ids) AND NOT a.id IN $exclude
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
  RETURN collect(DISTINCT a) AS ins
}
CALL (v) {
  MATCH (v)-[r]-(b)
  WHERE b:Entity AND type(r) IN $types AND b <> v AND (startNode(r) = v OR type(r) IN $sym)
    AND b.kind IN $kinds AND ($ids IS NULL OR b.id IN $ids) AND NOT b.id IN $exclude
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
  RETURN collect(DISTINCT b) AS outs
}
UNWIND ins AS a
UNWIND outs AS b
WITH v, a, b
WHERE a <> b
  AND NOT EXISTS {
    MATCH (a)-[r]-(b)
    WHERE type(r) IN $types AND (startNode(r) = a OR type(r) IN $sym)
      AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
  }
WITH v,
  CASE WHEN $prop IS NULL THEN $groups[a.id] ELSE coalesce(toString(a[$prop]), '(none)') END AS ga,
  CASE WHEN $prop IS NULL THEN $groups[v.id] ELSE coalesce(toString(v[$prop]), '(none)') END AS gv,
  CASE WHEN $prop IS NULL THEN $groups[b.id] ELSE coalesce(toString(b[$prop]), '(none)') END AS gb
RETURN v.id AS id,
  sum(CASE WHEN ga = gv AND gv = gb THEN 1 ELSE 0 END) AS coordinator,
  sum(CASE WHEN ga = gb AND ga <> gv THEN 1 ELSE 0 END) AS itinerant,
  sum(CASE WHEN ga = gv AND gv <> gb THEN 1 ELSE 0 END) AS representative,
  sum(CASE WHEN gv = gb AND ga <> gv THEN 1 ELSE 0 END) AS gatekeeper,
  sum(CASE WHEN ga <> gv AND gv <> gb AND ga <> gb THEN 1 ELSE 0 END) AS liaison
