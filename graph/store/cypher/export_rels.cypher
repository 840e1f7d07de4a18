MATCH (a)-[r]->(b)
RETURN a.id AS src, type(r) AS type, b.id AS dst, properties(r) AS properties
ORDER BY src, type, dst
SKIP $skip LIMIT $limit
