// Stored statements to re-tag, a page at a time.
MATCH (s:Statement)
RETURN s.id AS id, s.text AS text
ORDER BY s.id
SKIP $skip LIMIT $limit
