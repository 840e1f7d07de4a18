// The statements that raise each theme, per country, with provenance (report, page, sentence)
// and the words that matched the theme.
// @param themes list = : theme ids to keep (empty: all)
// @param countries list = : country names or ids to keep (empty: all)
MATCH (s:Statement)-[a:ABOUT_THEME]->(t:Theme)
MATCH (s)-[:FROM]->(p:Passage)-[:FROM]->(r:Report)-[:ABOUT]->(c:Country)
WHERE (size($themes) = 0 OR t.id IN $themes)
  AND (size($countries) = 0 OR c.name IN $countries OR c.id IN $countries)
RETURN t.id AS theme, coalesce(t.label, t.id) AS label, c.name AS country, r.id AS report,
       coalesce(r.title, r.source) AS report_title, coalesce(r.synthetic, false) AS synthetic, s.id AS statement, s.kind AS kind, s.text AS text,
       p.page AS page, p.sentence AS sentence, a.evidence AS evidence
ORDER BY theme, country, report_title, page, s.start
