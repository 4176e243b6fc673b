// Creates a relationship of an allow-listed type between two existing entities and records the change;
// returns the new relationship seen from its start node.
// Parameters: $id, $type, $from, $to, $props (map, including provenance as source_* keys), $who, $summary.
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
CREATE (a)-[l:$($type)]->(b)
SET l = $props
CREATE (:Change {at: toString(datetime()), who: $who, action: 'createLink', target: $id, summary: $summary})
RETURN a.id AS selfId, b.id AS otherId, true AS outgoing, type(l) AS type, l {.*} AS props
