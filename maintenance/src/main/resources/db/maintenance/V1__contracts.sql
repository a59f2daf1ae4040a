-- The maintenance read model: each contract's version in force, and which elevators it covers over which days.
-- Written only by the maintenance projection (io.liftguard.maintenance.ContractWriter) from contract events;
-- portable between H2 and PostgreSQL.

CREATE TABLE maintenance_contract (
  contract_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
  version       INTEGER      NOT NULL,
  using_unit    VARCHAR(256) NOT NULL,
  company       VARCHAR(256) NOT NULL,
  start_day     DATE         NOT NULL,
  end_day       DATE         NOT NULL,
  mode          VARCHAR(16)  NOT NULL, -- FIXED or ON_DEMAND
  interval_days INTEGER      NOT NULL, -- the fixed cycle, or the on-demand maximum interval
  elevators     INTEGER      NOT NULL, -- how many it covers (which: maintenance_contract_elevator)
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX maintenance_contract_company ON maintenance_contract (company, contract_id);
CREATE INDEX maintenance_contract_unit ON maintenance_contract (using_unit, contract_id);

CREATE TABLE maintenance_contract_elevator (
  contract_id VARCHAR(64)  NOT NULL,
  elevator_id VARCHAR(64)  NOT NULL,
  company     VARCHAR(256) NOT NULL,
  start_day   DATE         NOT NULL,
  end_day     DATE         NOT NULL,
  PRIMARY KEY (contract_id, elevator_id)
);
CREATE INDEX maintenance_contract_elevator_by_elevator ON maintenance_contract_elevator (elevator_id, start_day);
CREATE INDEX maintenance_contract_elevator_by_company ON maintenance_contract_elevator (company, elevator_id);
