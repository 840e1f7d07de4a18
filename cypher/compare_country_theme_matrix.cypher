// Country x theme matrix: for each country and theme, the statements about that theme in the
// country's own reports, counted by stage. problem = problem, priority or core problem;
// cause = cause or root cause (root_cause is the subset); effect; vision; result. Participants'
// remarks (comment) are not a stage of the method and are not counted here.
// @param countries list = : country names or ids to keep (empty: all)
// @param themes list = : theme ids to keep (empty: all)
MATCH (s:Statement)-[:ABOUT_THEME]->(t:Theme)
MATCH (s)-[:FROM]->(:Passage)-[:FROM]->(r:Report)-[:ABOUT]->(c:Country)
WHERE s.kind <> 'comment'
  AND (size($countries) = 0 OR c.name IN $countries OR c.id IN $countries)
  AND (size($themes) = 0 OR t.id IN $themes)
RETURN c.name AS country, t.id AS theme, coalesce(t.label, t.id) AS label,
       sum(CASE WHEN s.kind IN ['problem', 'priority', 'core_problem'] THEN 1 ELSE 0 END) AS problem,
       sum(CASE WHEN s.kind IN ['cause', 'root_cause'] THEN 1 ELSE 0 END) AS cause,
       sum(CASE WHEN s.kind = 'root_cause' THEN 1 ELSE 0 END) AS root_cause,
       sum(CASE WHEN s.kind = 'effect' THEN 1 ELSE 0 END) AS effect,
       sum(CASE WHEN s.kind = 'vision' THEN 1 ELSE 0 END) AS vision,
       sum(CASE WHEN s.kind = 'result' THEN 1 ELSE 0 END) AS result,
       count(s) AS total
ORDER BY country, total DESC, theme
