// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
UNWIND $raised_by AS row
MATCH (s:Statement {id: row.src})
MATCH (g:Group {id: row.dst})
CREATE (s)-[:RAISED_BY]->(g)
