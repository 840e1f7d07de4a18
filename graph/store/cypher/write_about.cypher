// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
UNWIND $about AS row
MATCH (r:Report {id: row.src})
MATCH (c:Country {id: row.dst})
CREATE (r)-[:ABOUT]->(c)
