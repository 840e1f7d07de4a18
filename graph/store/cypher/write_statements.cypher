// A new report's statements, with their kind label. Statements belong to one report and the report
// is new (write_rows checked), so they are CREATEd. The kind label is written in the CREATE
// pattern, one static part per kind: adding a label afterwards (SET s:Problem) costs FalkorDB
// time that grows with the number of labelled nodes. count(*) always yields one row, so every
// part runs once even when the previous one matched no rows. Only comments have a speaker.
UNWIND $statements AS row
WITH row WHERE row.kind = 'problem'
CREATE (s:Statement:Problem {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'priority'
CREATE (s:Statement:Priority {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'core_problem'
CREATE (s:Statement:CoreProblem {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'root_cause'
CREATE (s:Statement:RootCause {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'cause'
CREATE (s:Statement:Cause {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'effect'
CREATE (s:Statement:Effect {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'vision'
CREATE (s:Statement:Vision {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'result'
CREATE (s:Statement:Result {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end})
WITH count(*) AS _done
UNWIND $statements AS row
WITH row WHERE row.kind = 'comment'
CREATE (s:Statement:Comment {id: row.id, local_id: row.local_id, report_id: row.report_id, kind: row.kind,
    text: row.text, group: row.group, topic: row.topic, n: row.n, section: row.section,
    page: row.page, start: row.start, end: row.end, speaker: row.speaker, speaker_role: row.speaker_role})
