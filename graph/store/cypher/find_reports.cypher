// The report with this content hash, and any report ingested from the same source.
MATCH (r:Report)
WHERE r.id = $id OR r.source = $source
RETURN r.id AS id, r.source AS source
