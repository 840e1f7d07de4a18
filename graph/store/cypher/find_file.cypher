// The finished report ingested from a file with these exact bytes (sha256 of the raw file), if any.
// A report still staging (its writer died mid-write) is never trusted: the file is ingested again.
MATCH (r:Report {file_sha256: $file_sha256})
WHERE r.staging IS NULL
RETURN r.id AS id, r.source AS source
