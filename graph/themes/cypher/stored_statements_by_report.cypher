// Statement texts grouped by report, for emergent-theme suggestions.
MATCH (s:Statement)-[:FROM]->(:Passage)-[:FROM]->(r:Report)
RETURN r.source AS report, s.text AS text
ORDER BY report, s.start
