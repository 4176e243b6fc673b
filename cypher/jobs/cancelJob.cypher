// Cancels a queued or running job: it is CANCELLED at once for every instance; the instance running it
// sees the status on its next heartbeat and stops the computation. A job that already ended is returned as it is.
// Parameters: $id.
MATCH (j:AnalysisJob {id: $id})
CALL (j) {
  WITH j WHERE j.status IN ['QUEUED', 'RUNNING']
  SET j.status = 'CANCELLED', j.cancelRequested = true, j.stage = 'cancelled', j.finishedAt = toString(datetime()), j.finishedMs = timestamp()
}
RETURN j {.*} AS job
