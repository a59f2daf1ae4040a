-- The insurance read model: policies, what they cover, premium changes, closed rating periods, claims and service
-- actions. Written only by the insurance projection (io.liftguard.insurance.InsuranceWriter) from policy events;
-- portable between H2 and PostgreSQL. Money is DECIMAL: exact CNY to the fen.

CREATE TABLE ins_policy (
  policy_id        VARCHAR(64)   NOT NULL PRIMARY KEY,
  insurer          VARCHAR(128)  NOT NULL,
  policyholder     VARCHAR(256)  NOT NULL,
  product          VARCHAR(32)   NOT NULL,
  product_version  VARCHAR(64)   NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  term_start       DATE          NOT NULL,
  term_end         DATE          NOT NULL,
  quoted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  cover_from       TIMESTAMP WITH TIME ZONE,
  closed_at        TIMESTAMP WITH TIME ZONE,
  elevators        INTEGER       NOT NULL,
  annual_premium   DECIMAL(16,2) NOT NULL,
  written_premium  DECIMAL(16,2), -- annual premium at binding x the term's days / 365
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ins_policy_insurer ON ins_policy (insurer, policy_id);

CREATE TABLE ins_coverage (
  policy_id       VARCHAR(64)   NOT NULL,
  elevator_id     VARCHAR(64)   NOT NULL,
  insurer         VARCHAR(128)  NOT NULL,
  product         VARCHAR(32)   NOT NULL,
  status          VARCHAR(16)   NOT NULL, -- the policy's
  annual_premium  DECIMAL(16,2) NOT NULL,
  fund_balance    DECIMAL(16,2) NOT NULL,
  PRIMARY KEY (policy_id, elevator_id)
);
CREATE INDEX ins_coverage_elevator ON ins_coverage (elevator_id, status);

CREATE TABLE ins_premium_change (
  policy_id          VARCHAR(64)   NOT NULL,
  seq_nr             BIGINT        NOT NULL,
  elevator_id        VARCHAR(64)   NOT NULL,
  insurer            VARCHAR(128)  NOT NULL,
  changed_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  reason             VARCHAR(16)   NOT NULL,
  old_premium        DECIMAL(16,2) NOT NULL,
  new_premium        DECIMAL(16,2) NOT NULL,
  indicated_premium  DECIMAL(16,2) NOT NULL,
  period_start_premium DECIMAL(16,2) NOT NULL,
  bounded            BOOLEAN       NOT NULL,
  PRIMARY KEY (policy_id, seq_nr)
);
CREATE INDEX ins_premium_change_insurer ON ins_premium_change (insurer, changed_at);

CREATE TABLE ins_period (
  policy_id       VARCHAR(64)   NOT NULL,
  elevator_id     VARCHAR(64)   NOT NULL,
  insurer         VARCHAR(128)  NOT NULL,
  period_start    TIMESTAMP WITH TIME ZONE NOT NULL,
  period_end      TIMESTAMP WITH TIME ZONE NOT NULL,
  exposure_years  DECIMAL(20,8) NOT NULL,
  earned_premium  DECIMAL(16,2) NOT NULL,
  expected_claims DECIMAL(20,8) NOT NULL,
  expected_loss   DECIMAL(16,2) NOT NULL,
  fund_credit     DECIMAL(16,2) NOT NULL,
  PRIMARY KEY (policy_id, period_end, elevator_id)
);
CREATE INDEX ins_period_insurer ON ins_period (insurer, period_end);
CREATE INDEX ins_period_elevator ON ins_period (elevator_id);

CREATE TABLE ins_claim (
  policy_id    VARCHAR(64)   NOT NULL,
  claim_id     VARCHAR(160)  NOT NULL,
  elevator_id  VARCHAR(64)   NOT NULL,
  insurer      VARCHAR(128)  NOT NULL,
  source       VARCHAR(16)   NOT NULL,
  cause        VARCHAR(128)  NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  amount       DECIMAL(16,2) NOT NULL,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (policy_id, claim_id)
);
CREATE INDEX ins_claim_insurer ON ins_claim (insurer, opened_at);
CREATE INDEX ins_claim_elevator ON ins_claim (elevator_id);

CREATE TABLE ins_service_action (
  policy_id     VARCHAR(64)  NOT NULL,
  action_id     VARCHAR(32)  NOT NULL,
  elevator_id   VARCHAR(64)  NOT NULL,
  insurer       VARCHAR(128) NOT NULL,
  reason        VARCHAR(32)  NOT NULL,
  detail        VARCHAR(512) NOT NULL,
  scheduled_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  due_by        TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at  TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (policy_id, action_id)
);
CREATE INDEX ins_service_action_insurer ON ins_service_action (insurer, due_by);
