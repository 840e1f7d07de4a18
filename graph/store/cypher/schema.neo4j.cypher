// Key constraints and indexes for Neo4j 5. Statements end with ';'. IF NOT EXISTS makes re-runs harmless.
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT theme_id IF NOT EXISTS FOR (n:Theme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT group_id IF NOT EXISTS FOR (n:Group) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE INDEX report_source IF NOT EXISTS FOR (n:Report) ON (n.source);
CREATE INDEX report_file_sha256 IF NOT EXISTS FOR (n:Report) ON (n.file_sha256);
CREATE INDEX report_staging IF NOT EXISTS FOR (n:Report) ON (n.staging);
CREATE INDEX country_id IF NOT EXISTS FOR (n:Country) ON (n.id);
CREATE INDEX organisation_id IF NOT EXISTS FOR (n:Organisation) ON (n.id);
CREATE INDEX law_id IF NOT EXISTS FOR (n:Law) ON (n.id);
CREATE INDEX passage_report IF NOT EXISTS FOR (n:Passage) ON (n.report_id);
CREATE INDEX statement_report IF NOT EXISTS FOR (n:Statement) ON (n.report_id);
CREATE INDEX statement_kind IF NOT EXISTS FOR (n:Statement) ON (n.kind);
