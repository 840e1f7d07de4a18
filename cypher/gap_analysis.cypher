// Gap analysis: the root causes and causes that no result or vision addresses.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
MATCH (c:Statement {report_id: r.id})
WHERE (c:RootCause OR c:Cause) AND NOT (c)<-[:ADDRESSES]-(:Statement)
OPTIONAL MATCH (c)-[:CAUSES*1..]->(core:CoreProblem)
RETURN r.country AS country, c.kind AS kind, c.text AS unaddressed, collect(DISTINCT core.text) AS leads_to,
       c.id AS statement_id
ORDER BY country, kind DESC, unaddressed
