UNWIND $rows AS row
MATCH (p:Passage {id: row.src})
MATCH (t:Theme {id: row.dst})
MERGE (p)-[a:ABOUT_THEME]->(t)
SET a.evidence = row.evidence
