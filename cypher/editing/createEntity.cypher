// Creates an entity with its kind label (allow-listed), its provenance and an audit record.
// Parameters: $id, $kind, $props (map), $source (key), $provenance (map), $who, $summary.
MATCH (s:Source {key: $source})
CREATE (n:Entity {id: $id})
SET n = $props, n:$($kind)
CREATE (n)-[p:STATED_IN]->(s)
SET p = $provenance
CREATE (:Change {at: toString(datetime()), who: $who, action: 'createEntity', target: $id, summary: $summary})
RETURN n.id AS id
