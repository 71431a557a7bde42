-- Wraps the migration in one transaction: every lock taken, ACCESS EXCLUSIVE included, is held
-- until the last batch commits.
SET lock_timeout = '2s';

BEGIN;

ALTER TABLE accounts ADD COLUMN credit_cents_new bigint NOT NULL DEFAULT 0;

CREATE FUNCTION accounts_copy_credit_cents() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.credit_cents_new := NEW.credit_cents;
  RETURN NEW;
END
$$;

CREATE TRIGGER accounts_copy_credit_cents
  BEFORE INSERT OR UPDATE ON accounts
  FOR EACH ROW EXECUTE FUNCTION accounts_copy_credit_cents();

UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 1 AND 100;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 101 AND 200;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 201 AND 300;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 301 AND 400;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 401 AND 500;

ALTER TABLE accounts
  ADD CONSTRAINT accounts_credit_cents_new_check CHECK (credit_cents_new >= 0) NOT VALID;

ALTER TABLE accounts VALIDATE CONSTRAINT accounts_credit_cents_new_check;

COMMIT;
