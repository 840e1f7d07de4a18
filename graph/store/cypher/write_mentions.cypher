// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
UNWIND $mentions AS row
MATCH (p:Passage {id: row.src})
MATCH (e:Entity {id: row.dst})
CREATE (p)-[m:MENTIONS]->(e)
SET m.count = row.count
