UNWIND $statement_from AS row
MATCH (s:Statement {id: row.src})
MATCH (p:Passage {id: row.dst})
MERGE (s)-[:FROM]->(p)
