UNWIND $raised_by AS row
MATCH (s:Statement {id: row.src})
MATCH (g:Group {id: row.dst})
MERGE (s)-[:RAISED_BY]->(g)
