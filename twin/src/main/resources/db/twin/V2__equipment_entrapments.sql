-- Moved from insurance (its V3): IF NOT EXISTS, so a database that has the columns takes them as they are.
-- A risk model of entrapment causes: each prediction keeps its equipment entrapment probability (at the shipped
-- level) beside the total, and each recalibration the equipment entrapments it predicted, which move with faults
-- (Recalibration). Null and 0 for a model without causes.
ALTER TABLE cal_prediction ADD COLUMN IF NOT EXISTS equipment_entrapment_p DOUBLE PRECISION;
ALTER TABLE cal_model ADD COLUMN IF NOT EXISTS predicted_equipment_entrapments DOUBLE PRECISION DEFAULT 0 NOT NULL;
