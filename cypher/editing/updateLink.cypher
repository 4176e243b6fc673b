// Sets properties of a relationship by id and records the change.
// Parameters: $id, $props (map), $who, $summary.
MATCH (:Entity)-[l {id: $id}]->(:Entity)
SET l += $props
CREATE (:Change {at: toString(datetime()), who: $who, action: 'updateLink', target: $id, summary: $summary})
RETURN l.id AS id
