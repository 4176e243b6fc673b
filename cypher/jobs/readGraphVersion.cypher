// The graph version that keys the analysis cache: the counter every write transaction bumps (with the epoch
// set when the counter was made, so a wiped database never repeats an old version), plus the count-store
// totals of entities and relationships, which also change when something writes around the service.
// Parameters: none.
OPTIONAL MATCH (v:GraphVersion {id: 'graph'})
WITH min(v.epoch) AS epoch, sum(v.value) AS value
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN epoch, value, entities, relationships
