// The audit trail of edits is read newest first.
// Parameters: none.
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)
