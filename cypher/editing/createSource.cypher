// Registers a source that edits can cite, and records the change.
// Parameters: $props (map with key, title, type, authors, date, year), $who.
CREATE (s:Source)
SET s = $props
CREATE (:Change {at: toString(datetime()), who: $who, action: 'createSource', target: 'source:' + $props.key, summary: 'added source ' + $props.title})
RETURN s.key AS key, s.title AS title, s.authors AS authors, s.year AS year, s.publisher AS publisher, 0 AS statements
