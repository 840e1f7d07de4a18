UNWIND $passage_from AS row
MATCH (p:Passage {id: row.src})
MATCH (r:Report {id: row.dst})
MERGE (p)-[:FROM]->(r)
