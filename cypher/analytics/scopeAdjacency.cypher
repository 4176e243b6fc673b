// One page of an analysis scope as adjacency, for the typed-array projection (projectCompact): the actors
// whose id comes after $after, in id order, at most $limit of them, each with its node reference (id(),
// stable within the reading transaction, used only to tie arcs to actors and never stored) and the
// references of its out-neighbours: b for a tie a→b of a chosen type, and also for b→a when the type is
// symmetric. Neighbours outside the scope, repeats and self-loops are dropped by the server, which knows
// the scope's actors; one row per page, as parallel lists, so that a million actors travel in a few rows.
// With $prop (a property name) each actor's value of that property comes along (a PROPERTY partition),
// wrapped in a one-item list so that missing values (null) keep their place.
// Parameters: $kinds, $ids (or null), $exclude, $types, $sym, $year (or null), $prop (or null), $after
//   ('' for the first page), $limit.
MATCH (a:Entity)
WHERE a.id > $after AND a.kind IN $kinds AND ($ids IS NULL OR a.id IN $ids) AND NOT a.id IN $exclude
WITH a ORDER BY a.id LIMIT $limit
WITH a, COLLECT {
  MATCH (a)-[r]-(b)
  WHERE type(r) IN $types AND (startNode(r) = a OR type(r) IN $sym)
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
  RETURN id(b)
} AS out
RETURN collect(a.id) AS ids, collect(a.kind) AS kinds, collect(id(a)) AS refs, collect(out) AS out,
  CASE WHEN $prop IS NULL THEN [] ELSE collect([a[$prop]]) END AS values
