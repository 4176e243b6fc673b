// Source documents are found by their short key (pietrobelli2004).
// Parameters: none.
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (s:Source) REQUIRE s.key IS UNIQUE
