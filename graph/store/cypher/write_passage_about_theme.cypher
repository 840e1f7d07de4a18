// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
// Reference passages about a theme: what another consultation is said to have raised.
UNWIND $passage_about_theme AS row
MATCH (p:Passage {id: row.src})
MATCH (t:Theme {id: row.dst})
CREATE (p)-[a:ABOUT_THEME]->(t)
SET a.evidence = row.evidence
