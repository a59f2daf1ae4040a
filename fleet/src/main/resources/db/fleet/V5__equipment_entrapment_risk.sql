-- A risk model of entrapment causes (RiskModel.Causes) gives the probability of an equipment entrapment beside the
-- total; the risk model's recalibration (RiskCalibration) moves it with faults and learns the other causes from the
-- rest. Null for assessments by a model without causes.
ALTER TABLE fleet_elevator ADD COLUMN equipment_entrapment_risk DOUBLE PRECISION;
