// Registers a source that edits can cite, and records the change. A new source backs no statement yet.
// Parameters: $props (map with key, title, type, authors, date), $year (integer: the date's year, or this year), $who.
CREATE (s:Source)
SET s = $props, s.year = $year
CREATE (:Change {at: toString(datetime()), who: $who, action: 'createSource', target: 'source:' + s.key, summary: 'added source ' + s.title})
RETURN s.key AS key, s.title AS title, s.authors AS authors, s.year AS year, 0 AS statements
