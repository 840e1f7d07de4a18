UNWIND $refers_to AS row
MATCH (r:Report {id: row.src})
MATCH (c:Country {id: row.dst})
MERGE (r)-[x:REFERS_TO {passage: row.passage}]->(c)
SET x.text = row.text
