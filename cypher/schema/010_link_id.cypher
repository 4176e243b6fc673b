// A range index on the id of the relationships of each type: Neo4j indexes relationship properties per type
// only, so applySchema (neo4j/schema.ts) runs this statement once for each type of domain/enums.ts's
// LINK_TYPES, writing it for `__LINK_TYPE__`. A relationship looked up by id names every type in its pattern
// (`-[l:__LINK_TYPES__ {id: $id}]->`, neo4j/executor.ts) and the planner seeks each type's index; without
// them, editing, deleting or importing a relationship by id read every relationship of the graph (2.3–3.1 s
// a lookup at 1,000,000 actors, bench/RESULTS.md).
// Parameters: none.
CREATE INDEX link_id___LINK_TYPE__ IF NOT EXISTS FOR ()-[l:__LINK_TYPE__]-() ON (l.id)
