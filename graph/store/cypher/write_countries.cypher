// Shared country nodes: MERGEd with both labels in the pattern (no SET c:Country afterwards).
UNWIND $countries AS row
MERGE (c:Entity:Country {id: row.id})
ON CREATE SET c.name = row.name, c.kind = 'country'
