// Jobs whose instance stopped reporting (it crashed, or was stopped) end as FAILED with a reason instead
// of staying RUNNING forever; finished jobs older than the time to live are deleted.
// Parameters: $leaseMs, $ttlMs, $reason.
OPTIONAL MATCH (lost:AnalysisJob)
WHERE lost.status IN ['QUEUED', 'RUNNING'] AND lost.heartbeatAt < timestamp() - $leaseMs
SET lost.status = 'FAILED', lost.error = $reason, lost.finishedAt = toString(datetime()), lost.finishedMs = timestamp()
WITH count(lost) AS failed
OPTIONAL MATCH (old:AnalysisJob)
WHERE old.finishedMs < timestamp() - $ttlMs
DETACH DELETE old
RETURN failed, count(old) AS expired
