// Draws the structural links an imported entity's fields imply (country and locatedIn: LOCATED_IN; a chain's
// cluster: HAS_CHAIN; an episode's subject: UNDERWENT; an event's affects: AFFECTS) unless one of that type
// already joins the two. Types come from that fixed list.
// Parameters: $rows — list of {type, from, to, props}.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from})
MATCH (b:Entity {id: r.to})
MERGE (a)-[l:$(r.type)]->(b)
ON CREATE SET l = r.props
