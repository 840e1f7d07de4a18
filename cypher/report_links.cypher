// The CAUSES, ADDRESSES and PART_OF links between the statements of a report, with the words
// that gave each link (its evidence).
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
// WITH makes FalkorDB look the statements up in the report_id index, not scan them all.
WITH r
MATCH (a:Statement {report_id: r.id})-[l:CAUSES|ADDRESSES|PART_OF]->(b:Statement)
RETURN r.id AS report_id, a.id AS source_id, type(l) AS type, b.id AS target_id, l.evidence AS evidence
ORDER BY report_id, source_id, type, target_id
