-- Lets PostgreSQL fill the new column: a STORED generated column is computed for every
-- existing row when it is added, i.e. a full rewrite under ACCESS EXCLUSIVE.
SET lock_timeout = '2s';

ALTER TABLE accounts ADD COLUMN credit_cents_new bigint GENERATED ALWAYS AS (credit_cents) STORED;

ALTER TABLE accounts
  ADD CONSTRAINT accounts_credit_cents_new_check CHECK (credit_cents_new >= 0) NOT VALID;

ALTER TABLE accounts VALIDATE CONSTRAINT accounts_credit_cents_new_check;
