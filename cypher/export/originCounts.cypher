// What the graph holds by where it came from: entities and relationships between entities by origin
// (seed, edit, import), and the imports recorded (sources of type import) by status — for `kg stats`.
// Parameters: none.
CALL () {
  MATCH (n:Entity) RETURN 'entities' AS what, coalesce(n.origin, '(none)') AS origin, count(*) AS count
  UNION ALL
  MATCH (:Entity)-[r]->(:Entity) RETURN 'relationships' AS what, coalesce(r.origin, '(none)') AS origin, count(*) AS count
  UNION ALL
  MATCH (s:Source {type: 'import'}) RETURN 'imports' AS what, coalesce(s.status, '(none)') AS origin, count(*) AS count
}
RETURN what, origin, count
ORDER BY what, origin
