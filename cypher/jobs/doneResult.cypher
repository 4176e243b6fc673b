// The result of a finished job with the same cache key (measure, arguments, graph version), computed by
// any instance: a new job with that key is answered from it at once.
// Parameters: $key.
MATCH (j:AnalysisJob {key: $key, status: 'DONE'})
WHERE j.result IS NOT NULL
RETURN j.result AS result
ORDER BY j.finishedMs DESC
LIMIT 1
