// Every statement of a report in the order of the text, with its kind, working group, priority
// topic, list number, section and page: the raw material of a report page.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
// WITH makes FalkorDB look the statements up in the report_id index, not scan them all.
WITH r
MATCH (s:Statement {report_id: r.id})
RETURN r.id AS report_id, s.id AS statement_id, s.kind AS kind, s.group AS group, s.topic AS topic,
       s.n AS n, s.text AS text, s.section AS section, s.page AS page, s.start AS start
ORDER BY report_id, start
