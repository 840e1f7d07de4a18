// The new report starts "staging"; finalize_report clears the flag once any old version is gone.
UNWIND $report AS row
MERGE (r:Report {id: row.id})
SET r.source = row.source, r.title = row.title, r.country = row.country, r.city = row.city,
    r.start_date = row.start_date, r.end_date = row.end_date, r.organiser = row.organiser,
    r.synthetic = row.synthetic,
    r.statement_count = row.statement_count,
    r.staging = true
