// Shared nodes that no report points at any more (candidates come from orphan_candidates).
UNWIND $orphans AS id
MATCH (e:Entity {id: id})
WHERE NOT (e)<-[:MENTIONS]-() AND NOT (e)<-[:ABOUT]-() AND NOT (e)<-[:REFERS_TO]-()
DETACH DELETE e
