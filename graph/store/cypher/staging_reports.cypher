// Reports left "staging" by a writer that died mid-write. superseded: an older, finished version
// of the same source still exists, so the write never got past its create step and must be undone.
MATCH (r:Report)
WHERE r.staging = true
OPTIONAL MATCH (o:Report {source: r.source})
WHERE o.id <> r.id AND o.staging IS NULL
RETURN r.id AS id, count(o) > 0 AS superseded
