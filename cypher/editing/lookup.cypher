// What an edit must check inside its own write transaction: whether the cited source exists, and which of
// the given entity ids exist, with their kind and years.
// Parameters: $ids — entity ids (may be empty); $source — source key.
OPTIONAL MATCH (s:Source {key: $source})
RETURN s IS NOT NULL AS sourceExists,
       COLLECT { MATCH (n:Entity) WHERE n.id IN $ids RETURN n {.id, .kind, .validFrom, .validUntil} } AS found
