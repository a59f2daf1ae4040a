-- The fleet read model: one row per elevator, its open faults, and the history other read models need.
-- Written only by the fleet projection (io.liftguard.fleet.FleetWriter); portable between H2 and PostgreSQL.

CREATE TABLE fleet_elevator (
  elevator_id           VARCHAR(64)  NOT NULL PRIMARY KEY,
  district              VARCHAR(128) NOT NULL,
  district_key          VARCHAR(128) NOT NULL, -- lower case: regulators' scope matches districts case-insensitively
  street                VARCHAR(128),
  address               VARCHAR(256),
  building_type         VARCHAR(32)  NOT NULL,
  public_gathering      BOOLEAN      NOT NULL,
  manufacturer          VARCHAR(128),
  model                 VARCHAR(128),
  drive_type            VARCHAR(32),
  brake_type            VARCHAR(32),
  rated_load_kg         INTEGER,
  floors_served         INTEGER,
  installation_date     DATE         NOT NULL,
  using_unit            VARCHAR(256),
  maintenance_company   VARCHAR(256),
  insurer               VARCHAR(256),
  three_no              BOOLEAN      NOT NULL,
  registered_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  running_mode          VARCHAR(32),
  last_report_at        TIMESTAMP WITH TIME ZONE,
  open_faults           INTEGER      NOT NULL DEFAULT 0, -- faults and alarms raised and not cleared
  open_entrapments      INTEGER      NOT NULL DEFAULT 0,
  service_modes         INTEGER      NOT NULL DEFAULT 0,
  faults                BIGINT       NOT NULL DEFAULT 0,
  alarms                BIGINT       NOT NULL DEFAULT 0,
  entrapments           BIGINT       NOT NULL DEFAULT 0,
  maintenance_visits    BIGINT       NOT NULL DEFAULT 0,
  inspections           BIGINT       NOT NULL DEFAULT 0,
  last_maintenance_date DATE,
  maintenance_due       DATE,        -- last maintenance + 15 days (TSG T5002); null: never maintained
  next_inspection_due   DATE,
  last_inspection_passed BOOLEAN,
  early_warnings        INTEGER      NOT NULL DEFAULT 0,
  last_warning_at       TIMESTAMP WITH TIME ZONE,
  fault_risk            DOUBLE PRECISION, -- 30-day probabilities of the last RiskAssessed event
  entrapment_risk       DOUBLE PRECISION,
  risk_band             VARCHAR(16),
  risk_model            VARCHAR(64),
  risk_assessed_at      TIMESTAMP WITH TIME ZONE,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL, -- when the newest event applied was recorded
  last_seq_nr           BIGINT       NOT NULL
);

CREATE INDEX fleet_elevator_district ON fleet_elevator (district_key, elevator_id);
CREATE INDEX fleet_elevator_insurer ON fleet_elevator (insurer, elevator_id);
CREATE INDEX fleet_elevator_maintainer ON fleet_elevator (maintenance_company, elevator_id);
CREATE INDEX fleet_elevator_using_unit ON fleet_elevator (using_unit, elevator_id);
CREATE INDEX fleet_elevator_fault_risk ON fleet_elevator (fault_risk, elevator_id);
CREATE INDEX fleet_elevator_installed ON fleet_elevator (installation_date, elevator_id);

-- What is open on each elevator (one row per event type), so counts stay right when a type is raised twice.
CREATE TABLE fleet_open_item (
  elevator_id VARCHAR(64) NOT NULL,
  event_type  VARCHAR(48) NOT NULL,
  category    VARCHAR(16) NOT NULL,
  since       TIMESTAMP WITH TIME ZONE,
  event_id    VARCHAR(128),
  PRIMARY KEY (elevator_id, event_type)
);

-- Faults, alarms, entrapments, service modes, visits, inspections, early warnings and risk changes, by elevator
-- and time: what claims, KPIs and dashboards read.
CREATE TABLE fleet_history (
  elevator_id VARCHAR(64)  NOT NULL,
  seq_nr      BIGINT       NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  phase       VARCHAR(8),
  event_type  VARCHAR(48),
  event_id    VARCHAR(128),
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by VARCHAR(128),
  detail      VARCHAR(1024),
  PRIMARY KEY (elevator_id, seq_nr)
);

CREATE INDEX fleet_history_kind_time ON fleet_history (kind, occurred_at);
