-- The district as the register spells it, what the rescue listings show (district_key stays the lower-case key
-- regulators' scopes match on). Cases projected before this migration take their elevator's register spelling when
-- it still has the same key, else the key itself; a rebuilt read model has each case's own spelling from its event.

ALTER TABLE rescue_case ADD COLUMN district VARCHAR(128);
UPDATE rescue_case SET district = COALESCE(
  (SELECT f.district FROM fleet_elevator f
    WHERE f.elevator_id = rescue_case.elevator_id AND LOWER(f.district) = rescue_case.district_key),
  district_key);
