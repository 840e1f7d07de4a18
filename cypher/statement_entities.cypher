// The organisations, people, laws, places and countries named in the passage a statement comes
// from.
// @param statement string: statement id (the statement_id column of the other queries)
MATCH (s:Statement {id: $statement})-[:FROM]->(p:Passage)-[m:MENTIONS]->(e:Entity)
RETURN e.id AS entity_id, e.name AS name, e.kind AS kind, m.count AS mentions
ORDER BY kind, name
