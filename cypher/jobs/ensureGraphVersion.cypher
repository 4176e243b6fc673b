// Makes the graph version counter when the database has none yet (a new or wiped database).
// Parameters: none.
MERGE (v:GraphVersion {id: 'graph'})
ON CREATE SET v.epoch = randomUUID(), v.value = 0
RETURN v.epoch AS epoch
