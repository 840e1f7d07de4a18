// Delete up to $batch nodes; returns how many were deleted (0 when the graph is empty).
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
