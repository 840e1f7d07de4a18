// Full-text-like search over statement text (case-insensitive CONTAINS), optionally for one kind.
// @param text string: the words to look for, e.g. border
// @param kind string = : a statement kind (problem, root_cause, result...); empty for every kind
// @param limit int = 100: at most this many rows
MATCH (s:Statement)
WHERE toLower(s.text) CONTAINS toLower($text) AND ($kind = '' OR s.kind = $kind)
MATCH (r:Report {id: s.report_id})
RETURN r.country AS country, s.kind AS kind, s.text AS text, s.section AS section, s.page AS page,
       s.id AS statement_id
ORDER BY country, kind, text
LIMIT $limit
