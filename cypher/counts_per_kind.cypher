// Counts of statements per kind per report.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
MATCH (s:Statement {report_id: r.id})
RETURN r.country AS country, r.source AS source, s.kind AS kind, count(s) AS statements
ORDER BY country, source, kind
