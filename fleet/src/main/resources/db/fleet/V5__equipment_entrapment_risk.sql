-- A risk model of entrapment causes (RiskModel.Causes) gives the probability of an entrapment of each cause beside
-- the total: pricing shows each, and the risk model's recalibration (RiskCalibration) moves equipment entrapments
-- with faults and learns the other causes from the rest. Null for assessments by a model without causes.
ALTER TABLE fleet_elevator ADD COLUMN equipment_entrapment_risk DOUBLE PRECISION;
ALTER TABLE fleet_elevator ADD COLUMN misuse_entrapment_risk DOUBLE PRECISION;
ALTER TABLE fleet_elevator ADD COLUMN external_entrapment_risk DOUBLE PRECISION;
