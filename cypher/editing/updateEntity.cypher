// Sets properties on an entity, adds the statement that justifies the change, records the change.
// Parameters: $id, $props (map of properties to set), $source (key), $provenance (map), $who, $summary.
MATCH (n:Entity {id: $id})
MATCH (s:Source {key: $source})
SET n += $props
CREATE (n)-[p:STATED_IN]->(s)
SET p = $provenance
CREATE (:Change {at: toString(datetime()), who: $who, action: 'updateEntity', target: $id, summary: $summary})
RETURN n.id AS id
