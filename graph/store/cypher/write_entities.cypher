// Shared entities: MERGEd, since other reports point at them. The kind label is part of the MERGE
// pattern, one static part per kind (no SET e:Label on existing nodes; see write_statements).
UNWIND $entities AS row
WITH row WHERE row.kind = 'organisation'
MERGE (e:Entity:Organisation {id: row.id})
ON CREATE SET e.name = row.name, e.kind = row.kind
WITH count(*) AS _done
UNWIND $entities AS row
WITH row WHERE row.kind = 'person'
MERGE (e:Entity:Person {id: row.id})
ON CREATE SET e.name = row.name, e.kind = row.kind
WITH count(*) AS _done
UNWIND $entities AS row
WITH row WHERE row.kind = 'law'
MERGE (e:Entity:Law {id: row.id})
ON CREATE SET e.name = row.name, e.kind = row.kind
WITH count(*) AS _done
UNWIND $entities AS row
WITH row WHERE row.kind = 'place'
MERGE (e:Entity:Place {id: row.id})
ON CREATE SET e.name = row.name, e.kind = row.kind
