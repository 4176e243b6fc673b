// Adds an import or its undoing to the audit trail of edits.
// Parameters: $who, $action (importNetwork or undoImport), $target (source:<import key>), $summary.
CREATE (c:Change {at: toString(datetime()), who: $who, action: $action, target: $target, summary: $summary})
RETURN c.at AS at
