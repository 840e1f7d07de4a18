// Passages belong to one new report: CREATEd (to_rows gives each id once).
UNWIND $passages AS row
CREATE (p:Passage {id: row.id, report_id: row.report_id, section: row.section, page: row.page,
    start: row.start, end: row.end, sentence: row.sentence})
