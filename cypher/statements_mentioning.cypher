// The statements that mention an organisation or a law, with the report they come from.
// @param name string: words from the organisation's or law's name (case-insensitive), e.g. IOM
MATCH (e:Entity)
WHERE (e:Organisation OR e:Law) AND (e.id = $name OR toLower(e.name) CONTAINS toLower($name))
MATCH (s:Statement)-[:FROM]->(p:Passage)-[:MENTIONS]->(e)
MATCH (p)-[:FROM]->(r:Report)
RETURN e.name AS entity, e.kind AS entity_kind, r.country AS country, s.kind AS kind, s.text AS text,
       p.section AS section, p.page AS page, s.id AS statement_id
ORDER BY entity, country, kind, text
