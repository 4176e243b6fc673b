// Ends a job the owner ran (DONE with its result, FAILED with the reason, CANCELLED), unless it already
// ended (cancelled, or failed by another instance after a lost lease): then nothing changes and no row comes back.
// Parameters: $id, $owner, $status, $stage, $error (or null), $result (JSON text, or null).
MATCH (j:AnalysisJob {id: $id})
WHERE j.status IN ['QUEUED', 'RUNNING'] AND j.owner = $owner
SET j.status = $status, j.stage = $stage, j.error = $error, j.result = $result,
    j.progress = CASE WHEN $status = 'DONE' THEN 1.0 ELSE j.progress END,
    j.finishedAt = toString(datetime()), j.finishedMs = timestamp()
RETURN j {.*} AS job
