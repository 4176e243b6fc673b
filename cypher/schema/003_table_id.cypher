// Printed summary tables (sector-group averages) have one stable id.
// Parameters: none.
CREATE CONSTRAINT printed_table_id IF NOT EXISTS FOR (t:PrintedTable) REQUIRE t.id IS UNIQUE
