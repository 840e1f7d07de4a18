// The report with this content hash, if it is finished (not left staging by a writer that died).
MATCH (r:Report {id: $id})
WHERE r.staging IS NULL
RETURN r.id AS id
