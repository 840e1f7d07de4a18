// References between consultations: where one report refers to another country's consultation,
// with the words used and whether that country's own report is in the graph.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
MATCH (r)-[x:REFERS_TO]->(c:Country)
WHERE NOT (r)-[:ABOUT]->(c)
OPTIONAL MATCH (other:Report)-[:ABOUT]->(c)
RETURN r.country AS from_country, c.name AS to_country, x.text AS evidence, x.passage AS passage_id,
       collect(other.id) AS their_reports
ORDER BY from_country, to_country, evidence
