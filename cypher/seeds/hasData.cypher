// Tells whether the database already holds seeded entities (so start-up does not load them again).
// Parameters: none.
OPTIONAL MATCH (n:Entity {origin: 'seed'})
WITH n LIMIT 1
RETURN n IS NOT NULL AS seeded
