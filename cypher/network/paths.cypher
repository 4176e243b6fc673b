// Paths from one entity to a target entity or set, through chosen relationship types and node kinds.
// The server picks the selector by mode; this file is the SHORTEST k form (k = 1 for a shortest path).
// Direction: $dir ('OUT' | 'IN' | 'BOTH') follows stored direction, except for the symmetric types $sym,
// which are crossed either way. Variants: __TARGET__ (the labels of the target kinds when only kinds are given, else Entity), __MAXLEN__ (longest path, ≤ MAX_PATH_LENGTH), __K__ (paths per target).
// Parameters: $dir, $sym, $from, $toIds (list), $toKinds (list), $toTypes (list of buyer/firm/institution types; empty = any),
//   $types (relationship types), $via (kinds allowed for intermediate nodes; null = any), $exclude (ids
//   never passed through), $year, $limit (paths in all).
// Rows: nodeIds (entity ids in order), nodes (their stored properties, so that no second round trip loads them), rels (each {id, type, source, target, props}).
// Entities are projected as `__ENTITY__` and relationships' properties besides their id as `__LINK_REST__`: the properties the request's fields read
// (executor.ts, graphql/readKeys.ts), all, or null when it reads none.
// Variant: __TYPES__ and __LARROW__ / __RARROW__, the relationship types $types and, when no symmetric type is
//   followed, the direction $dir written into the pattern (executor.ts).
// Optional tests (`// optional: …`), left out by the variant's omit when the caller knows they hold: types
//   (written into the pattern), dir ($dir is 'BOTH', or written into the pattern), exclude (no $exclude), year (no $year), target (the
//   labels of __TARGET__ already say it), via (no $via).
MATCH (a:Entity {id: $from})
MATCH p = SHORTEST __K__ (a) ((x)__LARROW__-[r__TYPES__]-__RARROW__(y)
    WHERE true
      AND type(r) IN $types  // optional: types
      AND ($dir = 'BOTH' OR type(r) IN $sym OR ($dir = 'OUT' AND startNode(r) = x) OR ($dir = 'IN' AND endNode(r) = x))  // optional: dir
      AND NOT y.id IN $exclude  // optional: exclude
      AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))  // optional: year
  ){1,__MAXLEN__} (b:__TARGET__)
WHERE b <> a
  AND (b.id IN $toIds OR (b.kind IN $toKinds AND (size($toTypes) = 0 OR b.buyerType IN $toTypes OR b.institutionType IN $toTypes OR any(t IN coalesce(b.roles, []) WHERE t IN $toTypes))))  // optional: target
  AND ($via IS NULL OR all(n IN nodes(p)[1..-1] WHERE n.kind IN $via))  // optional: via
// Shortest first, then by the target's id, then by the ids of the entities and relationships passed through;
// cut on ids, and the properties read for the paths kept only. SHORTEST __K__ gives at most __K__ paths to a
// target, so the first $limit + __K__ - 1 by length and target hold the first $limit in that order: the ids
// along a path are read for those only (paths to any buyer: 160 paths found, a median, for 41 kept).
WITH p, b.id AS target
ORDER BY length(p), target
LIMIT $limit + __K__ - 1
WITH p, target, [n IN nodes(p) | n.id] AS nodeIds
ORDER BY length(p), target, nodeIds, [rel IN relationships(p) | rel.id]
LIMIT $limit
RETURN nodeIds, [n IN nodes(p) | n __ENTITY__] AS nodes,
       [rel IN relationships(p) | {id: rel.id, type: type(rel), source: startNode(rel).id, target: endNode(rel).id, props: rel __LINK_REST__}] AS rels
