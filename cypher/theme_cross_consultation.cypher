// Cross-consultation links per theme: the countries whose own reports raise the theme, and the
// countries another report says also raised it ("also raised during the Vietnam consultation").
// A reference carries the themes of its passage (written by `gmsgraph themes retag`).
// said_raised_in_ingested lists the referenced countries whose own report is in the graph.
// @param themes list = : theme ids to keep (empty: all)
MATCH (t:Theme)
WHERE size($themes) = 0 OR t.id IN $themes
OPTIONAL MATCH (t)<-[:ABOUT_THEME]-(:Statement)-[:FROM]->(:Passage)-[:FROM]->(:Report)-[:ABOUT]->(own:Country)
WITH t, collect(DISTINCT own.name) AS raised_by
OPTIONAL MATCH (t)<-[:ABOUT_THEME]-(rp:Passage)-[:FROM]->(r:Report)-[ref:REFERS_TO]->(other:Country)
WHERE ref.passage = rp.id
OPTIONAL MATCH (r)-[:ABOUT]->(referrer:Country)
OPTIONAL MATCH (other)<-[:ABOUT]-(other_report:Report)
WITH t, raised_by, collect(DISTINCT other.name) AS said_raised_in,
     collect(DISTINCT referrer.name) AS said_by,
     collect(DISTINCT CASE WHEN other_report IS NULL THEN NULL ELSE other.name END) AS said_raised_in_ingested
WHERE size(raised_by) > 0 OR size(said_raised_in) > 0
RETURN t.id AS theme, coalesce(t.label, t.id) AS label, raised_by, said_raised_in, said_by,
       said_raised_in_ingested
ORDER BY size(raised_by) + size(said_raised_in) DESC, theme
