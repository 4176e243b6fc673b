// The entities of one page of an export: every stored property, the country they lie in (LOCATED_IN at any
// depth, the first by id; a country is its own), their cluster (a cluster is its own; otherwise the first
// by id they are a member of, or whose chain they are), and every statement about them with its document's
// title, declarations first.
// Parameters: $ids (the page's entity ids), $kinds (kinds kept), $exclude (ids left out).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.kind IN $kinds AND NOT n.id IN $exclude
RETURN n {.*} AS props,
  head(COLLECT { MATCH (n)-[:LOCATED_IN*0..6]->(c:Place {placeType: 'country'}) RETURN DISTINCT c.id AS c ORDER BY c }) AS country,
  CASE WHEN n.kind = 'Cluster' THEN n.id
    ELSE head(COLLECT { MATCH (n)-[:MEMBER_OF|HAS_CHAIN]-(c:Cluster) RETURN DISTINCT c.id AS c ORDER BY c }) END AS cluster,
  COLLECT { MATCH (n)-[p:STATED_IN]->(s:Source)
            RETURN p {.*, title: s.title} AS p ORDER BY CASE p.kind WHEN 'declaration' THEN 0 ELSE 1 END, p.key } AS statements
ORDER BY n.id
