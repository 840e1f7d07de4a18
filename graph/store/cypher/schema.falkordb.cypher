// Indexes for the embedded FalkorDB engine. One statement per line; re-running is harmless.
// FalkorDB declares uniqueness outside Cypher (GRAPH.CONSTRAINT), so ids are kept unique by the
// writer instead: shared nodes are MERGEd on these indexed keys, and a report's own nodes are
// CREATEd only after write_rows found its id absent (under the write lock).
CREATE INDEX FOR (n:Report) ON (n.id)
CREATE INDEX FOR (n:Report) ON (n.source)
CREATE INDEX FOR (n:Report) ON (n.file_sha256)
CREATE INDEX FOR (n:Report) ON (n.staging)
CREATE INDEX FOR (n:Entity) ON (n.id)
CREATE INDEX FOR (n:Country) ON (n.id)
CREATE INDEX FOR (n:Organisation) ON (n.id)
CREATE INDEX FOR (n:Person) ON (n.id)
CREATE INDEX FOR (n:Law) ON (n.id)
CREATE INDEX FOR (n:Place) ON (n.id)
CREATE INDEX FOR (n:Theme) ON (n.id)
CREATE INDEX FOR (n:Group) ON (n.id)
CREATE INDEX FOR (n:Passage) ON (n.id)
CREATE INDEX FOR (n:Passage) ON (n.report_id)
CREATE INDEX FOR (n:Statement) ON (n.id)
CREATE INDEX FOR (n:Statement) ON (n.report_id)
CREATE INDEX FOR (n:Statement) ON (n.kind)
