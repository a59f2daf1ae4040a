-- A risk model recalibrated to the fleet names its shipped version and its factors (RiskCalibration): longer than the
-- 64 characters the shipped versions needed. Too long a value would stop the projection at that event for good.
ALTER TABLE fleet_elevator ALTER COLUMN risk_model SET DATA TYPE VARCHAR(256);
