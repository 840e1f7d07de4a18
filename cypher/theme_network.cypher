// The theme network: statements tagged with a theme, with the theme, the statement's report and
// that report's country, filtered by theme, country, statement kind and report. One row per
// statement-theme pair, for drawing themes, countries and statements as a network. Rows come in
// no particular order, so that LIMIT stops the scan early on a large graph.
// @param themes list = : theme ids to keep (empty: all)
// @param countries list = : country names or ids to keep (empty: all)
// @param kinds list = : statement kinds to keep, e.g. problem,root_cause (empty: all)
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
// @param limit int = 5000: at most this many statement-theme pairs
MATCH (t:Theme)<-[a:ABOUT_THEME]-(s:Statement)
WHERE (size($themes) = 0 OR t.id IN $themes) AND (size($kinds) = 0 OR s.kind IN $kinds)
MATCH (r:Report {id: s.report_id})-[:ABOUT]->(c:Country)
WHERE (r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report)
  AND (size($countries) = 0 OR c.name IN $countries OR c.id IN $countries)
RETURN s.id AS statement_id, s.kind AS kind, s.text AS text, a.evidence AS evidence, t.id AS theme,
       coalesce(t.label, t.id) AS label, c.id AS country_id, c.name AS country, r.id AS report_id,
       coalesce(r.synthetic, false) AS synthetic
LIMIT $limit
