// One statement with everything needed to show it: kind, text, group, topic, its character
// offsets, and its provenance (report, country, section, page, passage and sentence).
// @param statement string: statement id (the statement_id column of the other queries)
MATCH (s:Statement {id: $statement})-[:FROM]->(p:Passage)-[:FROM]->(r:Report)
OPTIONAL MATCH (s)-[:RAISED_BY]->(g:Group)
RETURN s.id AS statement_id, s.kind AS kind, s.text AS text, coalesce(g.name, s.group) AS group,
       s.topic AS topic, s.n AS n, s.start AS start, s.end AS end, p.id AS passage_id,
       p.section AS section, p.page AS page, p.start AS passage_start, p.end AS passage_end,
       p.sentence AS sentence, r.id AS report_id, r.title AS report, r.source AS source,
       r.country AS country, coalesce(r.synthetic, false) AS synthetic
