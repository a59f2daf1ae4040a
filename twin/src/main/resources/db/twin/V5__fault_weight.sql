-- A reported fault nothing could check counts with its reporter's record (FaultCounting.ReporterRecord): each
-- prediction keeps the probability that its elevator had a real fault in the period (1 or 0 when every fault was
-- raised, borne out or contradicted by its terminal). Null in rows counted before: their faulted flag stands.
ALTER TABLE cal_prediction ADD COLUMN IF NOT EXISTS fault_weight DOUBLE PRECISION;
