// Theme nodes a report write created that no sync has labelled yet (a writer stopped before it).
MATCH (t:Theme)
WHERE t.label IS NULL
RETURN count(t) AS unlabelled
