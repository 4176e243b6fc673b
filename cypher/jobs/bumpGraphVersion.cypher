// Bumps the graph version: run by the executor at the end of every write transaction that changed
// something, inside that transaction, so a cached analysis never outlives the graph it was computed on.
// Parameters: none.
MERGE (v:GraphVersion {id: 'graph'})
ON CREATE SET v.epoch = randomUUID(), v.value = 0
SET v.value = v.value + 1
