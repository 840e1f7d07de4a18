// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
UNWIND $statement_from AS row
MATCH (s:Statement {id: row.src})
MATCH (p:Passage {id: row.dst})
CREATE (s)-[:FROM]->(p)
