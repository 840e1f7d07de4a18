// The report ingested from a file with these exact bytes (sha256 of the raw file), if any.
MATCH (r:Report {file_sha256: $file_sha256})
RETURN r.id AS id, r.source AS source
