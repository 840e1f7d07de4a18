// The new report starts "staging"; finalize_report clears the flag once any old version is gone.
// CREATE, not MERGE: write_rows only writes a report whose id is not in the graph.
// file_sha256 is the sha256 of the raw file bytes (null when written from an extraction alone).
UNWIND $report AS row
CREATE (r:Report {id: row.id})
SET r.source = row.source, r.title = row.title, r.country = row.country, r.city = row.city,
    r.start_date = row.start_date, r.end_date = row.end_date, r.organiser = row.organiser,
    r.synthetic = row.synthetic,
    r.statement_count = row.statement_count,
    r.file_sha256 = row.file_sha256,
    r.staging = true
