-- Events a projection could not apply (a value its table cannot hold, a bug in its handler), set aside so that one
-- event does not stop its read model for everyone (io.liftguard.kernel.readside.ProjectionHandler). Each is logged as an error
-- and counted on /health and /metrics; once the cause is fixed, a rebuild of the read model applies it again.
CREATE TABLE IF NOT EXISTS projection_set_aside (
  projection_name VARCHAR(255)  NOT NULL,
  projection_key  VARCHAR(255)  NOT NULL,
  persistence_id  VARCHAR(255)  NOT NULL,
  seq_nr          BIGINT        NOT NULL,
  event_type      VARCHAR(128)  NOT NULL,
  error           VARCHAR(1024) NOT NULL,
  set_aside_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (projection_name, persistence_id, seq_nr)
);
