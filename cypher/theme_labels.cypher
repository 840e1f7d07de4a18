// The themes in the graph with their label and 4P frame, without counting anything: cheap enough
// for a filter menu on any size of graph.
MATCH (t:Theme)
RETURN t.id AS theme, coalesce(t.label, t.id) AS label, t.frame AS frame
ORDER BY label
