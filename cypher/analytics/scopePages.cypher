// The pages of an analysis scope, for the typed-array projection (projectCompact): the scope's actors in id
// order, cut every $limit actors; returns how many actors there are and the first and last id of each page,
// so that all pages can be asked for at once (pipelined) inside one read transaction, each as a closed id
// range (an actor written meanwhile falls in exactly one page; none is read twice or skipped).
// range(0, -1, step) is [0] in Neo4j 5, not empty: `WHERE i < size(ids)` keeps an empty scope's pages empty.
// Parameters: $kinds, $ids (or null), $exclude, $limit.
MATCH (a:Entity)
WHERE a.kind IN $kinds AND ($ids IS NULL OR a.id IN $ids) AND NOT a.id IN $exclude
WITH a.id AS id ORDER BY id
WITH collect(id) AS ids
RETURN size(ids) AS actors, [i IN range(0, size(ids) - 1, $limit) WHERE i < size(ids) | ids[i]] AS starts,
  [i IN range(0, size(ids) - 1, $limit) WHERE i < size(ids) | ids[CASE WHEN i + $limit < size(ids) THEN i + $limit - 1 ELSE size(ids) - 1 END]] AS ends
