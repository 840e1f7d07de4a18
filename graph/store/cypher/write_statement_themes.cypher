UNWIND $rows AS row
MATCH (s:Statement {id: row.src})
MATCH (t:Theme {id: row.dst})
MERGE (s)-[a:ABOUT_THEME]->(t)
SET a.evidence = row.evidence
