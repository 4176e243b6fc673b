// The actors of an analysis scope, with the value of an optional property (for PROPERTY partitions).
// Parameters: $kinds (kind names), $ids (ids or null for all), $exclude (ids), $prop (property name or null).
MATCH (n:Entity)
WHERE n.kind IN $kinds AND ($ids IS NULL OR n.id IN $ids) AND NOT n.id IN $exclude
RETURN n.id AS id, n.kind AS kind, CASE WHEN $prop IS NULL THEN null ELSE n[$prop] END AS value
ORDER BY id
