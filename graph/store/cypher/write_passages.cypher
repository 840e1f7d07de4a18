UNWIND $passages AS row
MERGE (p:Passage {id: row.id})
SET p.report_id = row.report_id, p.section = row.section, p.page = row.page,
    p.start = row.start, p.end = row.end, p.sentence = row.sentence
