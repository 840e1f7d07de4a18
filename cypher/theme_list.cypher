// The themes in the graph with their label, 4P frame and description, and how many statements,
// reports and countries raise each.
// @param themes list = : theme ids to keep (empty: all)
MATCH (t:Theme)
WHERE size($themes) = 0 OR t.id IN $themes
OPTIONAL MATCH (t)<-[:ABOUT_THEME]-(s:Statement)-[:FROM]->(:Passage)-[:FROM]->(r:Report)
OPTIONAL MATCH (r)-[:ABOUT]->(c:Country)
RETURN t.id AS theme, coalesce(t.label, t.id) AS label, t.frame AS frame, t.description AS description,
       count(DISTINCT s) AS statements, count(DISTINCT r) AS reports, count(DISTINCT c) AS countries
ORDER BY label
