UNWIND $groups AS row
MERGE (g:Group {id: row.id})
SET g.report_id = row.report_id, g.name = row.name
