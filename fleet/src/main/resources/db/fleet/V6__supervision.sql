-- What regulators and users put on record about an elevator (twin events ComplaintFiled, RectificationRecorded,
-- SafetyAssessmentRecorded): what the regulator's action lists, the drum-brake campaign table, maintenance-company
-- ratings and the public disclosure list read. Written by io.liftguard.fleet.FleetWriter.
ALTER TABLE fleet_elevator ADD COLUMN complaints BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE fleet_elevator ADD COLUMN last_complaint_at TIMESTAMP WITH TIME ZONE;
-- The drum-brake campaign status (null: none recorded, i.e. NOT_STARTED for a drum-brake elevator) and its date.
ALTER TABLE fleet_elevator ADD COLUMN drum_rectification VARCHAR(16);
ALTER TABLE fleet_elevator ADD COLUMN drum_rectification_on DATE;
ALTER TABLE fleet_elevator ADD COLUMN drum_rectification_note VARCHAR(1024);
-- The latest safety assessment by date.
ALTER TABLE fleet_elevator ADD COLUMN last_assessment_on DATE;
ALTER TABLE fleet_elevator ADD COLUMN last_assessment_conclusion VARCHAR(16);

CREATE INDEX fleet_elevator_brake ON fleet_elevator (brake_type, district_key, elevator_id);
