// Removes a batch of an import's statements about entities it created, and each such entity nothing else
// holds on to (no other statement, no other relationship); the others stay, without the import in their
// sources. Returns how many statements were removed and entities deleted (0 statements when none is left).
// Parameters: $key, $limit.
MATCH (:Source {key: $key})<-[p:STATED_IN]-(n:Entity)
WHERE p.created = true
WITH p, n LIMIT $limit
DELETE p
WITH n
CALL (n) {
  OPTIONAL MATCH (n)-[other]-()
  WITH n, count(other) AS others
  FOREACH (_ IN CASE WHEN others = 0 THEN [1] ELSE [] END | DELETE n)
  FOREACH (_ IN CASE WHEN others > 0 THEN [1] ELSE [] END | SET n.sources = [x IN coalesce(n.sources, []) WHERE x <> $key])
  RETURN CASE WHEN others = 0 THEN 1 ELSE 0 END AS gone
}
RETURN count(*) AS statements, sum(gone) AS deleted
