// Records a new analysis job (QUEUED, or DONE at once when its result came from the cache).
// Parameters: $id (a new UUID), $props (measure, args, key, graphVersion, status, progress, stage, owner,
// startedBy, startedByRole, cached, result).
CREATE (j:AnalysisJob {id: $id})
SET j += $props, j.createdAt = toString(datetime()), j.heartbeatAt = timestamp(), j.cancelRequested = false,
    j.startedAt = CASE WHEN $props.status = 'DONE' THEN toString(datetime()) END,
    j.finishedAt = CASE WHEN $props.status = 'DONE' THEN toString(datetime()) END,
    j.finishedMs = CASE WHEN $props.status = 'DONE' THEN timestamp() END
RETURN j {.*} AS job
