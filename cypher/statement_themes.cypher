// The themes a statement is tagged with and the words that matched each one.
// @param statement string: statement id (the statement_id column of the other queries)
MATCH (s:Statement {id: $statement})-[a:ABOUT_THEME]->(t:Theme)
RETURN t.id AS theme, coalesce(t.label, t.id) AS label, t.frame AS frame, a.evidence AS evidence
ORDER BY label
