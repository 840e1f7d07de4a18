// Participants', facilitators', group representatives' and chairs' comments: what was said about the
// material (never a problem or cause), by report, theme and role, with the statement each discusses.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
// @param themes list = : theme ids a comment must be tagged with one of (empty: any)
// @param role string = : participant, facilitator, group_representative or chair; empty for every role
// @param limit int = 500: at most this many rows
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
// WITH makes FalkorDB look the statements up in the report_id index, not scan them all.
WITH r
MATCH (c:Comment {report_id: r.id})
WHERE $role = '' OR c.speaker_role = $role
OPTIONAL MATCH (c)-[:ABOUT_THEME]->(t:Theme)
WITH r, c, collect(t.id) AS themes
WHERE size($themes) = 0 OR any(x IN themes WHERE x IN $themes)
OPTIONAL MATCH (c)-[:DISCUSSES]->(d:Statement)
RETURN r.country AS country, r.source AS source, c.group AS group, c.topic AS topic, c.speaker_role AS role,
       c.speaker AS speaker, c.text AS text, themes, d.kind AS discusses_kind, d.text AS discusses,
       c.page AS page, c.start AS start, c.id AS statement_id
ORDER BY country, source, start
LIMIT $limit
