-- The fleet aggregates' clock-free counts per scope and group, kept by the fleet projection as events arrive
-- (io.liftguard.fleet.domain.GroupCounts, io.liftguard.fleet.GroupCountStore): an aggregate without filters reads
-- these rows instead of evaluating every elevator in scope. Each projection instance adds its tag's changes to rows of
-- its own (tag), so the instances never wait on each other's row locks; a group's counts are the sum over tags ('':
-- the counts filled from the rows of a read model that predates this table). scope_key is '' for the city; group_key
-- is '' for the elevators with no value for the field. Risks are summed in whole 1e-12ths (exact integer sums).
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
  no_maintenance_due   BIGINT NOT NULL,
  no_inspection_due    BIGINT NOT NULL,
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

-- The clock-dependent counts read the elevators whose date has passed from these (nulls are counted above).
CREATE INDEX fleet_elevator_last_report ON fleet_elevator (last_report_at);
CREATE INDEX fleet_elevator_maintenance_due ON fleet_elevator (maintenance_due);
CREATE INDEX fleet_elevator_inspection_due ON fleet_elevator (next_inspection_due);
