// The reports in the graph with their metadata and the number of statements of each kind, for
// an overview page: country, title, city, dates, organiser, source, whether it is synthetic.
// Reports are ordered by country, date and source; skip and limit page through them.
// @param report string = : report id (or its first characters), or words from its country or source file name; empty for all
// @param skip int = 0: leave out this many reports first (for paging)
// @param limit int = 1000: at most this many reports
MATCH (r:Report)
WHERE r.id STARTS WITH $report OR toLower(r.country) CONTAINS toLower($report) OR r.source CONTAINS $report
WITH r
ORDER BY r.country, r.start_date, r.source
SKIP $skip
LIMIT $limit
OPTIONAL MATCH (s:Statement {report_id: r.id})
WITH r,
     count(CASE WHEN s.kind = 'problem' THEN 1 END) AS problem,
     count(CASE WHEN s.kind = 'priority' THEN 1 END) AS priority,
     count(CASE WHEN s.kind = 'core_problem' THEN 1 END) AS core_problem,
     count(CASE WHEN s.kind = 'root_cause' THEN 1 END) AS root_cause,
     count(CASE WHEN s.kind = 'cause' THEN 1 END) AS cause,
     count(CASE WHEN s.kind = 'effect' THEN 1 END) AS effect,
     count(CASE WHEN s.kind = 'vision' THEN 1 END) AS vision,
     count(CASE WHEN s.kind = 'result' THEN 1 END) AS result,
     count(s) AS statements
RETURN r.id AS id, r.country AS country, r.title AS title, r.city AS city, r.start_date AS start_date,
       r.end_date AS end_date, r.organiser AS organiser, r.source AS source,
       coalesce(r.synthetic, false) AS synthetic, statements, problem, priority, core_problem,
       root_cause, cause, effect, vision, result
ORDER BY country, start_date, source
