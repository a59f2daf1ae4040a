-- Renewals: a quote may renew a policy (renews); once it is bound the renewed policy names it (renewed_by) and ends
-- its term RENEWED instead of LAPSED.
ALTER TABLE ins_policy ADD COLUMN renews VARCHAR(64);
ALTER TABLE ins_policy ADD COLUMN renewed_by VARCHAR(64);
