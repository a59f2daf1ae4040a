-- The fleet aggregates' counts per scope and group, kept by the fleet projection as events arrive
-- (io.liftguard.fleet.domain.GroupCounts, io.liftguard.fleet.GroupCountStore): an aggregate without filters reads
-- these rows instead of evaluating every elevator in scope. Each projection instance adds its tag's changes to rows of
-- its own (tag), so the instances never wait on each other's row locks; a group's counts are the sum over tags ('':
-- the counts filled from the rows; '~day': the moves into the overdue counts when the day moves on). scope_key is ''
-- for the city; group_key is '' for the elevators with no value for the field. Risks are summed in whole 1e-12ths (exact integer sums).
CREATE TABLE fleet_group_count (
  tag                  VARCHAR(32)  NOT NULL,
  scope_kind           VARCHAR(16)  NOT NULL,
  scope_key            VARCHAR(256) NOT NULL,
  group_by             VARCHAR(32)  NOT NULL,
  group_key            VARCHAR(256) NOT NULL,
  elevators            BIGINT NOT NULL,
  three_no             BIGINT NOT NULL,
  never_reported       BIGINT NOT NULL,
  with_open_faults     BIGINT NOT NULL,
  with_open_entrapment BIGINT NOT NULL,
  maintenance_overdue  BIGINT NOT NULL, -- as of the day in fleet_group_day
  inspection_overdue   BIGINT NOT NULL,
  band_low             BIGINT NOT NULL,
  band_medium          BIGINT NOT NULL,
  band_high            BIGINT NOT NULL,
  band_critical        BIGINT NOT NULL,
  band_none            BIGINT NOT NULL,
  fault_risk_sum       BIGINT NOT NULL,
  fault_risks          BIGINT NOT NULL,
  entrapment_risk_sum  BIGINT NOT NULL,
  entrapment_risks     BIGINT NOT NULL,
  PRIMARY KEY (scope_kind, scope_key, group_by, group_key, tag)
);

-- The day the overdue counts are as of: one row per tag, all on the same day. When the day moves on, every row is
-- locked and the elevators whose maintenance or inspection fell due in between are moved into the counts (found by
-- the date indexes below); a projection batch counts as of its tag's day, locks only that row, and fails (to be
-- retried) if it moved meanwhile.
CREATE TABLE fleet_group_day (
  tag VARCHAR(32) NOT NULL PRIMARY KEY,
  as_of DATE       NOT NULL
);

-- Offline: the elevators whose last report is too old, read from this index (those that never reported are counted).
CREATE INDEX fleet_elevator_last_report ON fleet_elevator (last_report_at);
CREATE INDEX fleet_elevator_maintenance_due ON fleet_elevator (maintenance_due);
CREATE INDEX fleet_elevator_inspection_due ON fleet_elevator (next_inspection_due);
