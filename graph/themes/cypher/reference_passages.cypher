// The text around each cross-consultation reference: its own passage and any stored passage of the
// same report that contains it, since "this point was also raised" names its theme one sentence earlier.
MATCH (r:Report)-[ref:REFERS_TO]->(:Country)
MATCH (rp:Passage)-[:FROM]->(r)
WHERE rp.id = ref.passage
MATCH (p:Passage)-[:FROM]->(r)
WHERE p.start <= rp.start AND p.end >= rp.end
RETURN DISTINCT rp.id AS passage, p.start AS start, p.sentence AS text
ORDER BY passage, start
