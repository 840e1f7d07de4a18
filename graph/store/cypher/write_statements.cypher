// One static query for every kind: the kind label is chosen per row with FOREACH/CASE.
UNWIND $statements AS row
MERGE (s:Statement {id: row.id})
SET s.local_id = row.local_id, s.report_id = row.report_id, s.kind = row.kind, s.text = row.text,
    s.group = row.group, s.topic = row.topic, s.n = row.n, s.section = row.section,
    s.page = row.page, s.start = row.start, s.end = row.end
FOREACH (_ IN CASE WHEN row.kind = 'problem' THEN [1] ELSE [] END | SET s:Problem)
FOREACH (_ IN CASE WHEN row.kind = 'priority' THEN [1] ELSE [] END | SET s:Priority)
FOREACH (_ IN CASE WHEN row.kind = 'core_problem' THEN [1] ELSE [] END | SET s:CoreProblem)
FOREACH (_ IN CASE WHEN row.kind = 'root_cause' THEN [1] ELSE [] END | SET s:RootCause)
FOREACH (_ IN CASE WHEN row.kind = 'cause' THEN [1] ELSE [] END | SET s:Cause)
FOREACH (_ IN CASE WHEN row.kind = 'effect' THEN [1] ELSE [] END | SET s:Effect)
FOREACH (_ IN CASE WHEN row.kind = 'vision' THEN [1] ELSE [] END | SET s:Vision)
FOREACH (_ IN CASE WHEN row.kind = 'result' THEN [1] ELSE [] END | SET s:Result)
