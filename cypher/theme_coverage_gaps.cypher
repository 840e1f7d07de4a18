// Coverage gaps: for each country, the themes its reports raise as problems or causes that no
// vision or result of that country's reports addresses.
// @param countries list = : country names or ids to keep (empty: all)
MATCH (s:Statement)-[:ABOUT_THEME]->(t:Theme)
MATCH (s)-[:FROM]->(:Passage)-[:FROM]->(:Report)-[:ABOUT]->(c:Country)
WHERE size($countries) = 0 OR c.name IN $countries OR c.id IN $countries
WITH c, t,
     sum(CASE WHEN s.kind IN ['problem', 'priority', 'core_problem', 'cause', 'root_cause'] THEN 1 ELSE 0 END) AS raised,
     sum(CASE WHEN s.kind IN ['vision', 'result'] THEN 1 ELSE 0 END) AS addressed
WHERE raised > 0 AND addressed = 0
RETURN c.name AS country, t.id AS theme, coalesce(t.label, t.id) AS label, raised
ORDER BY country, raised DESC, theme
