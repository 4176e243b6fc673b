// The source documents with how many statements cite them.
// Parameters: none.
MATCH (s:Source)
OPTIONAL MATCH (s)<-[p:STATED_IN]-()
RETURN s.key AS key, s.title AS title, s.authors AS authors, s.year AS year, s.publisher AS publisher, count(p) AS statements
ORDER BY year
