-- Backfills every row in one statement: one long transaction holding 500 row locks (40 million in production).
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

UPDATE accounts SET credit_cents_new = credit_cents;

ALTER TABLE accounts
  ADD CONSTRAINT accounts_credit_cents_new_check CHECK (credit_cents_new >= 0) NOT VALID;

ALTER TABLE accounts VALIDATE CONSTRAINT accounts_credit_cents_new_check;
