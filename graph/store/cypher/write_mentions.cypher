UNWIND $mentions AS row
MATCH (p:Passage {id: row.src})
MATCH (e:Entity {id: row.dst})
MERGE (p)-[m:MENTIONS]->(e)
SET m.count = row.count
