// Groups belong to one new report: CREATEd (to_rows gives each id once).
UNWIND $groups AS row
CREATE (g:Group {id: row.id, report_id: row.report_id, name: row.name})
