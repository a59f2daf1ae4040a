-- Segment levels (io.liftguard.twin.domain.risk.SegmentLevels): each prediction keeps its elevator's maintenance company
-- and age band beside its district, and each recalibration the fault level it fitted per segment on top of the city's.
ALTER TABLE cal_prediction ADD COLUMN IF NOT EXISTS maintenance_company VARCHAR(256);
ALTER TABLE cal_prediction ADD COLUMN IF NOT EXISTS age_band VARCHAR(16);

CREATE TABLE IF NOT EXISTS cal_segment (
  version      VARCHAR(512) NOT NULL,
  dimension    VARCHAR(32)  NOT NULL,
  segment      VARCHAR(256) NOT NULL,
  predicted    DOUBLE PRECISION NOT NULL,
  observed     BIGINT NOT NULL,
  credibility  DOUBLE PRECISION NOT NULL,
  factor       DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (version, dimension, segment)
);
