// Creates one batch of imported entities that are new (the plan found none of their ids), each with its
// kind label (from an allow-list checked before the call) and this import's statement about it. What every
// row shares is set here rather than sent with each row: the entity's origin and sources, the statement's
// kind, doc (the import) and created. Rows are lists, not maps, so a million of them carry no key names.
// Parameters: $key (the import's source key), $rows — list of [kind, properties (map), statement key, row
// number (the statement's lines), quote, claim (or null)].
MATCH (s:Source {key: $key})
UNWIND $rows AS r
CREATE (n:Entity)
SET n = r[1], n:$(r[0]), n.origin = 'import', n.sources = [$key]
CREATE (n)-[p:STATED_IN]->(s)
SET p.key = r[2], p.kind = 'declaration', p.claim = r[5], p.doc = $key, p.lines = [r[3]], p.quote = r[4], p.created = true
