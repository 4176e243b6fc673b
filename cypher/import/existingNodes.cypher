// The stored properties of entities an import row states again, whether this import's statement is already
// there (a resumed or repeated import), and their structural links (located in, chains, upgrading, events),
// so the plan fills blanks, records conflicts and draws no structural link twice.
// Parameters: $rows — list of {id, statement} (statement: the key this import's statement would have).
UNWIND $rows AS r
MATCH (n:Entity {id: r.id})
RETURN n.id AS id, n {.*} AS props,
       EXISTS { (n)-[:STATED_IN {key: r.statement}]->(:Source) } AS stated,
       COLLECT { MATCH (n)-[l:LOCATED_IN|HAS_CHAIN|UNDERWENT|AFFECTS]-(:Entity) RETURN type(l) + '|' + startNode(l).id + '|' + endNode(l).id } AS structural
