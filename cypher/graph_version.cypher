// A cheap fingerprint of the reports in the graph, to tell whether cached summaries are still
// current: how many reports, their first and last ids and their statements. theme_tag_count
// completes it for re-tagging.
MATCH (r:Report)
RETURN count(r) AS reports, min(r.id) AS first_id, max(r.id) AS last_id, sum(r.statement_count) AS statements
