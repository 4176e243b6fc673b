// One analysis job by id (no row when there is none).
// Parameters: $id.
MATCH (j:AnalysisJob {id: $id})
RETURN j {.*} AS job
