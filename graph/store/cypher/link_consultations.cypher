// A reference to another country's consultation also links to that country's report once it is in
// the graph: from the new report to reports already there, and from earlier reports to the new one.
// Derived from REFERS_TO (report -> country) and ABOUT (report -> country); MERGE keeps it idempotent.
MATCH (r:Report)-[ref:REFERS_TO]->(c:Country)<-[:ABOUT]-(other:Report)
WHERE (r.id = $new_id OR other.id = $new_id) AND other.id <> r.id
  AND r.staging IS NULL AND other.staging IS NULL
MERGE (r)-[link:REFERS_TO {passage: ref.passage}]->(other)
SET link.text = ref.text
