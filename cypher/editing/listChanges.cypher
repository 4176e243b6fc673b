// Recent edits, newest first.
// Parameters: $limit.
MATCH (c:Change)
RETURN c.at AS at, c.who AS who, c.action AS action, c.target AS target, c.summary AS summary
ORDER BY c.at DESC
LIMIT $limit
