-- Moved from insurance (its V2) with the calibration to the model's owner: IF NOT EXISTS, so a database where insurance
-- created these tables takes them as they are.
-- The risk model's calibration to the fleet it serves (io.liftguard.twin.risk.RiskCalibration). At the start of each
-- calibration period every assessed elevator's 30-day probabilities are recorded as the period's prediction; once
-- the period has ended its observed faults and entrapments are counted from fleet_history beside them. Each
-- recalibration (a level factor per target, credibility-blended) is kept, newest last: the platform serves it.

CREATE TABLE IF NOT EXISTS cal_prediction (
  period_start     TIMESTAMP WITH TIME ZONE NOT NULL,
  elevator_id      VARCHAR(64)  NOT NULL,
  district         VARCHAR(128) NOT NULL,
  fault_p          DOUBLE PRECISION NOT NULL,
  entrapment_p     DOUBLE PRECISION NOT NULL,
  model_version    VARCHAR(256) NOT NULL,
  faulted          BOOLEAN, -- null until the period has ended and been counted
  entrapped        BOOLEAN,
  PRIMARY KEY (period_start, elevator_id)
);

CREATE TABLE IF NOT EXISTS cal_period (
  period_start  TIMESTAMP WITH TIME ZONE NOT NULL PRIMARY KEY,
  period_end    TIMESTAMP WITH TIME ZONE NOT NULL,
  elevators     INTEGER NOT NULL,
  counted       BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS cal_model (
  version              VARCHAR(512) NOT NULL PRIMARY KEY,
  computed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  shipped_version      VARCHAR(256) NOT NULL,
  periods              INTEGER NOT NULL,
  predicted_faults     DOUBLE PRECISION NOT NULL,
  observed_faults      BIGINT NOT NULL,
  fault_credibility    DOUBLE PRECISION NOT NULL,
  fault_factor         DOUBLE PRECISION NOT NULL,
  predicted_entrapments DOUBLE PRECISION NOT NULL,
  observed_entrapments BIGINT NOT NULL,
  entrapment_credibility DOUBLE PRECISION NOT NULL,
  entrapment_factor    DOUBLE PRECISION NOT NULL
);
