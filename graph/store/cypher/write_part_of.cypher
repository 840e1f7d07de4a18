UNWIND $part_of AS row
MATCH (a:Statement {id: row.src})
MATCH (b:Statement {id: row.dst})
MERGE (a)-[x:PART_OF]->(b)
SET x.evidence = row.evidence, x.report_id = row.report_id
