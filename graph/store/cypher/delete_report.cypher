// Remove one report and every node it owns (passages, statements, groups).
MATCH (r:Report {id: $old_id})
OPTIONAL MATCH (r)<-[:FROM]-(p:Passage)
OPTIONAL MATCH (p)<-[:FROM]-(s:Statement)
OPTIONAL MATCH (s)-[:RAISED_BY]->(g:Group)
DETACH DELETE s, g, p, r
