-- Pekko Projections' JDBC offset store, as its h2-dialect and postgres-dialect query it (lower-case names,
-- quoted so H2 keeps them lower-case): the offset of each projection instance is written in the same
-- transaction as the rows it produced (exactly once).
CREATE TABLE IF NOT EXISTS "pekko_projection_offset_store" (
  "projection_name" VARCHAR(255) NOT NULL,
  "projection_key"  VARCHAR(255) NOT NULL,
  "current_offset"  VARCHAR(255) NOT NULL,
  "manifest"        VARCHAR(4)   NOT NULL,
  "mergeable"       BOOLEAN      NOT NULL,
  "last_updated"    BIGINT       NOT NULL,
  PRIMARY KEY ("projection_name", "projection_key")
);

CREATE INDEX IF NOT EXISTS "projection_name_index" ON "pekko_projection_offset_store" ("projection_name");

CREATE TABLE IF NOT EXISTS "pekko_projection_management" (
  "projection_name" VARCHAR(255) NOT NULL,
  "projection_key"  VARCHAR(255) NOT NULL,
  "paused"          BOOLEAN      NOT NULL,
  "last_updated"    BIGINT       NOT NULL,
  PRIMARY KEY ("projection_name", "projection_key")
);
