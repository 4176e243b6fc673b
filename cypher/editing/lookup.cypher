// Which of the given entity ids exist (with their kind), whether the source exists, and whether a link id exists.
// Parameters: $ids — entity ids; $source — source key (or null); $linkId — link id (or null).
OPTIONAL MATCH (s:Source {key: $source})
OPTIONAL MATCH ()-[l {id: $linkId}]->()
WITH s IS NOT NULL AS sourceExists, l IS NOT NULL AS linkExists
OPTIONAL MATCH (n:Entity) WHERE n.id IN $ids
RETURN sourceExists, linkExists, collect({id: n.id, kind: n.kind}) AS found
