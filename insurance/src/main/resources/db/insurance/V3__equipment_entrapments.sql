-- A risk model of entrapment causes: each prediction keeps its equipment entrapment probability (at the shipped
-- level) beside the total, and each recalibration the equipment entrapments it predicted, which move with faults
-- (Recalibration). Null and 0 for a model without causes.
ALTER TABLE cal_prediction ADD COLUMN equipment_entrapment_p DOUBLE PRECISION;
ALTER TABLE cal_model ADD COLUMN predicted_equipment_entrapments DOUBLE PRECISION DEFAULT 0 NOT NULL;
