// Moves a queued job to RUNNING on the instance that owns it (no row when it was cancelled meanwhile).
// Parameters: $id, $owner (the instance id).
MATCH (j:AnalysisJob {id: $id})
WHERE j.status = 'QUEUED' AND j.owner = $owner
SET j.status = 'RUNNING', j.startedAt = toString(datetime()), j.heartbeatAt = timestamp()
RETURN j.status AS status
