// One graph version counter (id 'graph'), bumped by every write: the constraint makes concurrent first writes
// merge into one node instead of racing into two.
// Parameters: none.
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE
