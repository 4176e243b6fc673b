// Shortest paths (SHORTEST k) from one entity to given target entities: paths.cypher with the targets bound
// by id before the search, so that Neo4j searches from both ends at once (a bidirectional breadth-first
// search) instead of expanding everything within maxLength of the start until a target turns up. The server
// uses it when targets are given only by id. Same filters and rows as paths.cypher.
// Direction: $dir ('OUT' | 'IN' | 'BOTH') follows stored direction, except for the symmetric types $sym,
// which are crossed either way. Variants: __MAXLEN__ (longest path, ≤ MAX_PATH_LENGTH), __K__ (paths per target).
// Parameters: $dir, $sym, $from, $toIds (list), $types (relationship types), $via (kinds allowed for
//   intermediate nodes; null = any), $exclude (ids never passed through), $year, $limit (paths in all).
// Rows: nodeIds (entity ids in order), nodes (their stored properties), rels (each {id, type, source, target, props}).
// Entities are projected as `__ENTITY__` and relationships' properties besides their id as `__LINK_REST__`: the properties the request's fields read
// (executor.ts, graphql/readKeys.ts), all, or null when it reads none.
// Variant: __TYPES__ and __LARROW__ / __RARROW__, the relationship types $types and, when no symmetric type is
//   followed, the direction $dir written into the pattern (executor.ts).
// Optional tests (`// optional: …`), left out by the variant's omit when the caller knows they hold: types
//   (written into the pattern), dir ($dir is 'BOTH', or written into the pattern), exclude (no $exclude), year (no $year), via (no $via).
MATCH (a:Entity {id: $from})
MATCH (b:Entity)
WHERE b.id IN $toIds AND b <> a
MATCH p = SHORTEST __K__ (a) ((x)__LARROW__-[r__TYPES__]-__RARROW__(y)
    WHERE true
      AND type(r) IN $types  // optional: types
      AND ($dir = 'BOTH' OR type(r) IN $sym OR ($dir = 'OUT' AND startNode(r) = x) OR ($dir = 'IN' AND endNode(r) = x))  // optional: dir
      AND NOT y.id IN $exclude  // optional: exclude
      AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))  // optional: year
  ){1,__MAXLEN__} (b)
WHERE true
  AND ($via IS NULL OR all(n IN nodes(p)[1..-1] WHERE n.kind IN $via))  // optional: via
// Shortest first, then by the target's id, then by the ids along the path (as paths.cypher); cut on ids, and
// the properties read for the paths kept only.
WITH p, b.id AS target, [n IN nodes(p) | n.id] AS nodeIds
ORDER BY length(p), target, nodeIds, [rel IN relationships(p) | rel.id]
LIMIT $limit
RETURN nodeIds, [n IN nodes(p) | n __ENTITY__] AS nodes,
       [rel IN relationships(p) | {id: rel.id, type: type(rel), source: startNode(rel).id, target: endNode(rel).id, props: rel __LINK_REST__}] AS rels
