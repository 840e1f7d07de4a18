// The passages of the same report around one passage (those that lie within a window of
// characters before and after it), in the order of the text: the paragraph a sentence sits in.
// @param passage string: passage id (from statement_provenance or statement_detail)
// @param window int = 600: how many characters before and after the passage to include
MATCH (p:Passage {id: $passage})
// WITH makes FalkorDB look the passages up in the report_id index, not scan them all.
WITH p
MATCH (q:Passage {report_id: p.report_id})
WHERE q.end >= p.start - $window AND q.start <= p.end + $window
RETURN q.id AS passage_id, q.start AS start, q.end AS end, q.section AS section, q.page AS page,
       q.sentence AS sentence, q.id = p.id AS is_source
ORDER BY start, end
