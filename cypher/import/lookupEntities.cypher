// Which of the given ids name entities already, with their kind and whether they stand for a group.
// Parameters: $ids — list of entity ids.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, n.kind AS kind, coalesce(n.aggregate, false) AS aggregate
