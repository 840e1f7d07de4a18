// CREATE, not MERGE: the source node is new in this write and to_rows gives each relationship once.
// A comment DISCUSSES the statement it is about (graph.model RELS "discusses").
UNWIND $discusses AS row
MATCH (a:Statement {id: row.src})
MATCH (b:Statement {id: row.dst})
CREATE (a)-[x:DISCUSSES]->(b)
SET x.evidence = row.evidence, x.report_id = row.report_id
