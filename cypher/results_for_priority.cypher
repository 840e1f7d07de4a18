// The results (and visions) that address a priority problem: directly, or by addressing a cause or
// effect in that problem's tree (linked to it by CAUSES chains). Priority problems are statements
// labelled Priority or CoreProblem (a prioritised problem becomes the core of its tree).
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
// @param priority string = : priority id, or words from its text; empty for every priority problem
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
MATCH (p:Statement {report_id: r.id})
WHERE (p:Priority OR p:CoreProblem) AND (p.id = $priority OR toLower(p.text) CONTAINS toLower($priority))
MATCH (res:Statement)-[:ADDRESSES]->(target:Statement)
WHERE (res:Result OR res:Vision)
  AND (target = p OR (target)-[:CAUSES*1..]->(p) OR (p)-[:CAUSES*1..]->(target))
RETURN r.country AS country, p.kind AS priority_kind, p.text AS priority, res.kind AS kind,
       res.text AS result, CASE WHEN target = p THEN 'direct' ELSE target.kind END AS via,
       res.id AS statement_id
ORDER BY country, priority, kind, result
