// Gap analysis per report: the root causes and causes that no result or vision addresses, with the
// report they come from and the core problems they lead to. Reports are taken in the order of
// country and source; skip and limit page through them.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
// @param skip int = 0: leave out this many reports first (for paging)
// @param limit int = 1000: look at most at this many reports
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
WITH r
ORDER BY r.country, r.source
SKIP $skip
LIMIT $limit
MATCH (c:Statement {report_id: r.id})
WHERE (c:RootCause OR c:Cause) AND NOT (c)<-[:ADDRESSES]-(:Statement)
OPTIONAL MATCH (c)-[:CAUSES*1..]->(core:CoreProblem)
RETURN r.id AS report_id, coalesce(r.title, r.source) AS report, r.country AS country,
       coalesce(r.synthetic, false) AS synthetic, c.kind AS kind, c.text AS unaddressed,
       c.topic AS topic, collect(DISTINCT core.text) AS leads_to, c.id AS statement_id
ORDER BY country, report, kind DESC, unaddressed
