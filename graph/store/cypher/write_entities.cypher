// One static query for every entity kind: the kind label is chosen per row with FOREACH/CASE.
UNWIND $entities AS row
MERGE (e:Entity {id: row.id})
ON CREATE SET e.name = row.name, e.kind = row.kind
FOREACH (_ IN CASE WHEN row.kind = 'organisation' THEN [1] ELSE [] END | SET e:Organisation)
FOREACH (_ IN CASE WHEN row.kind = 'person' THEN [1] ELSE [] END | SET e:Person)
FOREACH (_ IN CASE WHEN row.kind = 'law' THEN [1] ELSE [] END | SET e:Law)
FOREACH (_ IN CASE WHEN row.kind = 'place' THEN [1] ELSE [] END | SET e:Place)
