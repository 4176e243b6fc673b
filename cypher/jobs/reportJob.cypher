// The owner's heartbeat: records progress and stage while the job is still its own and running or queued,
// and answers the job's status, so the owner learns of a cancel (or of a lost lease) on its next report.
// Parameters: $id, $owner, $progress (0–1), $stage.
MATCH (j:AnalysisJob {id: $id})
CALL (j) {
  WITH j WHERE j.status IN ['QUEUED', 'RUNNING'] AND j.owner = $owner
  SET j.progress = $progress, j.stage = $stage, j.heartbeatAt = timestamp()
}
RETURN j.status AS status
