// The root causes of a core problem, through CAUSES chains of any length. A root cause is a
// statement labelled RootCause, or any cause that nothing else causes.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
// @param core string = : core problem id, or words from its text; empty for every core problem
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
MATCH (c:CoreProblem {report_id: r.id})
WHERE c.id = $core OR toLower(c.text) CONTAINS toLower($core)
MATCH path = (root:Statement)-[:CAUSES*1..]->(c)
WHERE root:RootCause OR NOT ()-[:CAUSES]->(root)
RETURN r.country AS country, c.text AS core_problem, root.kind AS kind, root.text AS root_cause,
       min(length(path)) AS hops, root.id AS statement_id
ORDER BY country, core_problem, hops, root_cause
