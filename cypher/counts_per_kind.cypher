// Counts of statements per kind per report.
// @param report string = : report id (or its first characters), country name, or source file name; empty for all
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) = toLower($report) OR r.source ENDS WITH $report
MATCH (s:Statement {report_id: r.id})
RETURN r.country AS country, r.source AS source, s.kind AS kind, count(s) AS statements
ORDER BY country, source, kind
