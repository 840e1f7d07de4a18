// The statements linked to one statement, both ways: what it causes and what causes it, what it
// addresses and what addresses it, what it is part of and its parts, with the link's evidence.
// direction is out (this statement is the source) or in (it is the target).
// @param statement string: statement id (the statement_id column of the other queries)
MATCH (s:Statement {id: $statement})
OPTIONAL MATCH (s)-[o:CAUSES|ADDRESSES|PART_OF]->(t:Statement)
WITH s, collect({direction: 'out', type: type(o), id: t.id, kind: t.kind, text: t.text, evidence: o.evidence}) AS outs
OPTIONAL MATCH (s)<-[i:CAUSES|ADDRESSES|PART_OF]-(f:Statement)
WITH outs, collect({direction: 'in', type: type(i), id: f.id, kind: f.kind, text: f.text, evidence: i.evidence}) AS ins
UNWIND outs + ins AS link
WITH link
WHERE link.id IS NOT NULL
RETURN link.direction AS direction, link.type AS type, link.id AS statement_id, link.kind AS kind,
       link.text AS text, link.evidence AS evidence
ORDER BY direction DESC, type, kind, text
