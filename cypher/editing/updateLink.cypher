// Sets properties of a relationship by id and records the change; returns the relationship seen from its
// start node.
// Parameters: $id, $props (map; a null value removes that property), $who, $summary.
MATCH (a:Entity)-[l:__LINK_TYPES__ {id: $id}]->(b:Entity)
SET l += $props
CREATE (:Change {at: toString(datetime()), who: $who, action: 'updateLink', target: $id, summary: $summary})
RETURN a.id AS selfId, b.id AS otherId, true AS outgoing, type(l) AS type, l {.*} AS props
