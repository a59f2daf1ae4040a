-- Mass events (io.liftguard.twin.domain.risk.MassEvents): each prediction keeps when its elevator's first entrapment
-- of the period began, so the recalibration can count a district's entrapments within the hour as one event for
-- credibility; each recalibration keeps the observed entrapments per independent event it took (1: none clustered).
ALTER TABLE cal_prediction ADD COLUMN IF NOT EXISTS entrapped_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE cal_model ADD COLUMN IF NOT EXISTS entrapment_clustering DOUBLE PRECISION DEFAULT 1 NOT NULL;
