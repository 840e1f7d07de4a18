UNWIND $about AS row
MATCH (r:Report {id: row.src})
MATCH (c:Country {id: row.dst})
MERGE (r)-[:ABOUT]->(c)
