// Search the organisations, people, laws, places and countries by name (case-insensitive), with
// how many passages and reports mention each.
// @param text string: the words to look for, e.g. IOM
// @param limit int = 100: at most this many rows
MATCH (e:Entity)
WHERE toLower(e.name) CONTAINS toLower($text)
OPTIONAL MATCH (e)<-[:MENTIONS]-(p:Passage)-[:FROM]->(r:Report)
RETURN e.id AS entity_id, e.name AS name, e.kind AS kind, count(DISTINCT p) AS passages,
       count(DISTINCT r) AS reports
ORDER BY reports DESC, passages DESC, name
LIMIT $limit
