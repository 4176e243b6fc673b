// Every entity (cluster, actor, chain, place, event, upgrading episode) has one stable id.
// Parameters: none.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE
