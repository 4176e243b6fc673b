// Analysis jobs (modules/jobs) are read, reported on and cancelled by their id, from any instance.
// Parameters: none.
CREATE CONSTRAINT analysis_job_id IF NOT EXISTS FOR (j:AnalysisJob) REQUIRE j.id IS UNIQUE
