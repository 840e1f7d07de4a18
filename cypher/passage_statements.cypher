// The statements found in one passage of a report, with the passage's section, page and text.
// @param passage string: passage id (from statement_provenance or report_overview's provenance)
MATCH (p:Passage {id: $passage})-[:FROM]->(r:Report)
OPTIONAL MATCH (s:Statement)-[:FROM]->(p)
RETURN r.country AS country, p.section AS section, p.page AS page, p.sentence AS passage,
       s.kind AS kind, s.text AS text, s.id AS statement_id
ORDER BY kind, text
