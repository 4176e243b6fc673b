// Records conflicts on relationships an import states again with other values (the stored values stay).
// Parameters: $rows — list of {id, from, conflicts (the whole new list)}.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})-[l]->(:Entity)
WHERE l.id = r.id
SET l.conflicts = r.conflicts
