// The problems, problem trees, visions and results of one report, in workshop order, with the
// statements each one causes, addresses or is part of.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all reports
// @param limit int = 1000: at most this many rows
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
MATCH (s:Statement {report_id: r.id})
OPTIONAL MATCH (s)-[l:CAUSES|ADDRESSES|PART_OF]->(t:Statement)
WITH r, s, collect(type(l) + ': ' + t.text) AS links
RETURN r.country AS country, s.kind AS kind, s.group AS group, s.n AS n, s.text AS text, links,
       s.id AS statement_id
ORDER BY country,
         CASE s.kind WHEN 'problem' THEN 1 WHEN 'priority' THEN 2 WHEN 'core_problem' THEN 3
              WHEN 'root_cause' THEN 4 WHEN 'cause' THEN 5 WHEN 'effect' THEN 6
              WHEN 'vision' THEN 7 ELSE 8 END,
         s.start
LIMIT $limit
