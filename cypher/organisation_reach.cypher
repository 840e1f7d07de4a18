// How far an organisation reaches: the reports whose passages mention it (a 2-hop query:
// organisation <- passage -> report), with how many passages do.
// @param name string = : words from the organisation's name; empty for every organisation
// @param limit int = 100: at most this many rows
MATCH (e:Organisation)<-[:MENTIONS]-(p:Passage)-[:FROM]->(r:Report)
WHERE toLower(e.name) CONTAINS toLower($name)
RETURN e.name AS organisation, r.country AS country, count(p) AS passages
ORDER BY organisation, passages DESC, country
LIMIT $limit
