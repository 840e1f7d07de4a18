// The causal chains from root causes to effects: every CAUSES path from a RootCause to an Effect,
// longest first, as the list of statement texts along the way.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
// @param limit int = 200: at most this many chains
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
MATCH path = (root:RootCause {report_id: r.id})-[:CAUSES*1..]->(effect:Effect)
RETURN r.country AS country, root.text AS root_cause, effect.text AS effect, length(path) AS hops,
       [n IN nodes(path) | n.text] AS chain
ORDER BY country, hops DESC, root_cause, effect
LIMIT $limit
