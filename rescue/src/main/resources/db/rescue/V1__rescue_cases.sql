-- The rescue read model: one row per 96333 rescue case with the time of each step and the escalations so far.
-- Written only by the rescue projection (io.liftguard.rescue.RescueWriter) from rescue case events; portable between
-- H2 and PostgreSQL.

CREATE TABLE rescue_case (
  case_id          VARCHAR(160) NOT NULL PRIMARY KEY,
  elevator_id      VARCHAR(64)  NOT NULL,
  district_key     VARCHAR(128),          -- lower case, as regulators' scope matches; null if not known at the alarm
  source           VARCHAR(32)  NOT NULL,
  twin_event_id    VARCHAR(160),
  step             VARCHAR(16)  NOT NULL, -- the latest step reached
  is_open          BOOLEAN      NOT NULL,
  alarm_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  acknowledged_at  TIMESTAMP WITH TIME ZONE,
  dispatched_at    TIMESTAMP WITH TIME ZONE,
  arrived_at       TIMESTAMP WITH TIME ZONE,
  released_at      TIMESTAMP WITH TIME ZONE,
  closed_at        TIMESTAMP WITH TIME ZONE,
  escalations      VARCHAR(128) NOT NULL DEFAULT '', -- comma-separated, in the order they happened
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX rescue_case_open ON rescue_case (is_open, alarm_at);
CREATE INDEX rescue_case_elevator ON rescue_case (elevator_id, is_open);
CREATE INDEX rescue_case_district ON rescue_case (district_key, alarm_at);
