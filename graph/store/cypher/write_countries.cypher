UNWIND $countries AS row
MERGE (c:Entity {id: row.id})
ON CREATE SET c.name = row.name, c.kind = 'country'
SET c:Country
