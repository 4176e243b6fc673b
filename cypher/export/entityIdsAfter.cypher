// One page of the ids of the whole graph's entities for an export, in id order after a cursor (keyset
// paging on the entity_id index: each page costs the same however far into the graph it is).
// Parameters: $after (the last id of the previous page, '' for the first), $limit, $kinds (kinds kept),
//   $exclude (ids left out).
MATCH (n:Entity)
WHERE n.id > $after AND n.kind IN $kinds AND NOT n.id IN $exclude
RETURN n.id AS id
ORDER BY id
LIMIT $limit
