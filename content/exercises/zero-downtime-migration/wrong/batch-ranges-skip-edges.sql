-- Exclusive bounds on both sides: ids 100, 200, 300, 400 and 500 are never copied.
SET lock_timeout = '2s';

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

UPDATE accounts SET credit_cents_new = credit_cents WHERE id > 0 AND id < 100;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id > 100 AND id < 200;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id > 200 AND id < 300;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id > 300 AND id < 400;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id > 400 AND id < 500;

ALTER TABLE accounts
  ADD CONSTRAINT accounts_credit_cents_new_check CHECK (credit_cents_new >= 0) NOT VALID;

ALTER TABLE accounts VALIDATE CONSTRAINT accounts_credit_cents_new_check;
