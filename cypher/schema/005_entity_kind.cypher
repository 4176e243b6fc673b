// Lists and analytics filter by kind.
// Parameters: none.
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)
