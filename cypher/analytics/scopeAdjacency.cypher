// One page of an analysis scope as adjacency, for the typed-array projection (projectCompact): the actors
// whose id lies in [$from, $to] (a page as scopePages cuts them), in id order, each with its node
// reference (id(), stable within the reading transaction, used only to tie arcs to actors and never
// stored) and the references of its out-neighbours: b for a tie a→b of a chosen type, and also for b→a
// when the type is symmetric (that second expansion is skipped when no chosen type is symmetric).
// Neighbours outside the scope, repeats and self-loops are dropped by the server, which knows the scope's
// actors. One row per page, as parallel lists, so that a million actors travel in a few rows. With $prop
// (a property name) each actor's value of that property comes along (a PROPERTY partition), wrapped in a
// one-item list so that missing values (null) keep their place.
// Parameters: $kinds, $ids (or null), $exclude, $types, $sym, $year (or null), $prop (or null), $from, $to.
MATCH (a:Entity)
WHERE a.id >= $from AND a.id <= $to AND a.kind IN $kinds AND ($ids IS NULL OR a.id IN $ids) AND NOT a.id IN $exclude
WITH a ORDER BY a.id
WITH a, COLLECT {
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
  RETURN id(b)
} + COLLECT {
  WITH a WHERE any(t IN $types WHERE t IN $sym)
  MATCH (a)<-[r]-(b)
  WHERE type(r) IN $types AND type(r) IN $sym
    AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
  RETURN id(b)
} AS out
RETURN collect(a.id) AS ids, collect(a.kind) AS kinds, collect(id(a)) AS refs, collect(out) AS out,
  CASE WHEN $prop IS NULL THEN [] ELSE collect([a[$prop]]) END AS values
