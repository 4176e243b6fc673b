// An entity and its relationships in one round trip, for `Query.entity` when the selection reads them
// (links, members, places): the row entitiesByIds gives for the id and, for each query of $queries, the rows
// linksByIds gives for it with that query's parameters, in the same order, each with its other end's
// properties. No row when there is no such entity.
// Parameters: $id — the entity's id; $queries — list of {types, dir, year, cap} as linksByIds's parameters.
// Row: n (stored properties), links (one list per query, in the order of $queries, of the relationships
//   linksByIds gives, each as entityWithLinksOf.cypher's: [type, properties, outgoing, the other end's properties]).
// Variant: __TYPES__, every type the queries name when each names some (each query still tests its own).
// Entities are projected as `__ENTITY__`, the other ends of links as `__LINKED__` and relationships as `__LINK__`:
//   the properties the request's fields read there (executor.ts, graphql/readKeys.ts), or all.
MATCH (n:Entity {id: $id})
CALL (n) {
  UNWIND range(0, size($queries) - 1) AS i
  WITH i, $queries[i] AS q
  CALL (n, q) {
    MATCH (n)-[r__TYPES__]-(m:Entity)
    WHERE (q.types IS NULL OR type(r) IN q.types)
      AND (q.dir = 'BOTH' OR (q.dir = 'OUT') = (startNode(r) = n))
      AND (q.year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= q.year) AND (r.validUntil IS NULL OR r.validUntil >= q.year)))
    WITH r, m ORDER BY type(r), m.name, m.id, r.id
    // LIMIT cannot read a row's value: the query's cap slices the sorted list instead, before any property is read.
    WITH collect({r: r, m: m}) AS found
    UNWIND found[..coalesce(q.cap, size(found))] AS x
    WITH x.r AS r, x.m AS m
    RETURN collect([type(r), r __LINK__, startNode(r) = n, m __LINKED__]) AS links
  }
  WITH i, links ORDER BY i
  RETURN collect(links) AS links
}
RETURN n __ENTITY__ AS n, links
