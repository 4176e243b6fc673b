// Full-text search over names, aliases and descriptions; the standard-folding analyzer folds accents and
// case, so "Espirito Santo" finds "Espírito Santo" and "Leon" finds "León".
// Parameters: none.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliasText, n.description]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } }
