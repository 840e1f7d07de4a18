// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
UNWIND $refers_to AS row
MATCH (r:Report {id: row.src})
MATCH (c:Country {id: row.dst})
CREATE (r)-[x:REFERS_TO {passage: row.passage}]->(c)
SET x.text = row.text
