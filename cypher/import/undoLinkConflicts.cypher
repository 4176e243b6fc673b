// Takes an import's conflict notes off relationships it stated again; returns how many it changed.
// Parameters: $marker (the text that tags the import's notes).
MATCH (:Entity)-[l]->(:Entity)
WHERE any(c IN coalesce(l.conflicts, []) WHERE c CONTAINS $marker)
SET l.conflicts = [c IN l.conflicts WHERE NOT c CONTAINS $marker]
RETURN count(*) AS changed
