// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
UNWIND $about_theme AS row
MATCH (s:Statement {id: row.src})
MATCH (t:Theme {id: row.dst})
CREATE (s)-[a:ABOUT_THEME]->(t)
SET a.evidence = row.evidence
