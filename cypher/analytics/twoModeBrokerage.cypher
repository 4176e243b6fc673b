// Two-mode brokerage: institutions tied (either way, chosen types) to member firms of clusters, with the
// unordered pairs of their firms that share no cluster (the institution links different clusters).
// Parameters: $types, $year.
MATCH (i:Institution)-[r]-(f:Firm)-[:MEMBER_OF]->(c:Cluster)
WHERE type(r) IN $types
  AND ($year IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= $year) AND (r.validUntil IS NULL OR r.validUntil >= $year)))
WITH i, f, collect(DISTINCT c.id) AS cs
WITH i, collect({f: f.id, cs: cs}) AS firms
UNWIND firms AS x
UNWIND firms AS y
WITH i, firms, x, y
WHERE x.f < y.f AND none(c IN x.cs WHERE c IN y.cs)
WITH i, firms, count(*) AS pairs
UNWIND firms AS x
UNWIND x.cs AS c
RETURN i.id AS id, collect(DISTINCT c) AS clusters, size(firms) AS firms, pairs
ORDER BY pairs DESC, id
