// The provenance of a statement: the report, section, page, character offsets and sentence it was
// extracted from, and the working group that raised it.
// @param statement string: statement id (the statement_id column of the other queries)
MATCH (s:Statement {id: $statement})-[:FROM]->(p:Passage)-[:FROM]->(r:Report)
OPTIONAL MATCH (s)-[:RAISED_BY]->(g:Group)
RETURN s.kind AS kind, s.text AS text, g.name AS group, r.title AS report, r.source AS source,
       r.country AS country, p.section AS section, p.page AS page, p.start AS start, p.end AS end,
       p.sentence AS sentence, p.id AS passage_id, r.id AS report_id
