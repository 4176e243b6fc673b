// Partition by country: the country an actor is located in (LOCATED_IN at any depth; the first by id), or none.
// Parameters: $ids — actor ids.
UNWIND $ids AS id
OPTIONAL MATCH (:Entity {id: id})-[:LOCATED_IN*1..6]->(c:Place {placeType: 'country'})
WITH id, c.id AS country ORDER BY country
RETURN id, coalesce(head(collect(country)), '(no country)') AS grp
