// Recurring themes: each theme ranked by the number of countries whose reports raise it, then
// reports, then statements. theme_recurring_statements gives the supporting statements.
// @param themes list = : theme ids to keep (empty: all)
// @param min_countries int = 1: only themes raised in at least this many countries
MATCH (s:Statement)-[:ABOUT_THEME]->(t:Theme)
MATCH (s)-[:FROM]->(:Passage)-[:FROM]->(r:Report)-[:ABOUT]->(c:Country)
WHERE size($themes) = 0 OR t.id IN $themes
WITH t, count(DISTINCT c) AS countries, count(DISTINCT r) AS reports, count(DISTINCT s) AS mentions,
     collect(DISTINCT c.name) AS country_names
WHERE countries >= $min_countries
RETURN t.id AS theme, coalesce(t.label, t.id) AS label, countries, reports, mentions, country_names
ORDER BY countries DESC, reports DESC, mentions DESC, theme
