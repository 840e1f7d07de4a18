// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
UNWIND $passage_from AS row
MATCH (p:Passage {id: row.src})
MATCH (r:Report {id: row.dst})
CREATE (p)-[:FROM]->(r)
