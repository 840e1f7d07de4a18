// Shared nodes that only the old report points at: deleted with it unless the new one keeps them.
MATCH (r:Report {id: $old_id})
OPTIONAL MATCH (r)<-[:FROM]-(:Passage)-[:MENTIONS]->(m:Entity)
OPTIONAL MATCH (r)-[:ABOUT|REFERS_TO]->(c:Country)
WITH collect(DISTINCT m.id) + collect(DISTINCT c.id) AS ids
UNWIND ids AS id
RETURN DISTINCT id
