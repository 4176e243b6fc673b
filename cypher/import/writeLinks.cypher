// Creates one batch of imported relationships between existing entities (the plan found none of their ids;
// the type comes from the allow-list of link types checked before the call), with their provenance: the
// import as source_doc (what undo looks for), the row as source_lines, its quote, and origin 'import'.
// Rows are lists, not maps, so a million of them carry no key names.
// Parameters: $key (the import's source key), $rows — list of [type, from id, to id, link id, row number,
// quote, the row's own properties (map)].
UNWIND $rows AS r
MATCH (a:Entity {id: r[1]})
MATCH (b:Entity {id: r[2]})
CREATE (a)-[l:$(r[0])]->(b)
SET l = r[6], l.id = r[3], l.source_doc = $key, l.source_lines = [r[4]], l.source_quote = r[5], l.origin = 'import'
