// The reports in the graph, with their country, dates, source and number of statements.
MATCH (r:Report)
OPTIONAL MATCH (r)-[:ABOUT]->(c:Country)
RETURN r.id AS id, c.name AS country, r.title AS title, r.start_date AS start_date,
       r.end_date AS end_date, r.source AS source, r.statement_count AS statements
ORDER BY country, source
