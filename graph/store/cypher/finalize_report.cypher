// The last step of a write: the new report is now the only version of its source.
MATCH (r:Report {id: $new_id})
SET r.staging = null
