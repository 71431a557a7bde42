-- The expand half of credit_cents integer -> bigint. Every statement is its own short transaction.
SET lock_timeout = '2s';

-- Catalogue only (PostgreSQL 11+): the constant default is stored once, not written into each row.
ALTER TABLE accounts ADD COLUMN credit_cents_new bigint NOT NULL DEFAULT 0;

-- From now on, every row the old code inserts or updates carries its own copy.
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

-- Backfill the rows that predate the trigger, 100 at a time: short row locks, small transactions.
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 1 AND 100;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 101 AND 200;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 201 AND 300;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 301 AND 400;
UPDATE accounts SET credit_cents_new = credit_cents WHERE id BETWEEN 401 AND 500;

-- NOT VALID: checks new writes only, so the ACCESS EXCLUSIVE lock lasts milliseconds.
ALTER TABLE accounts
  ADD CONSTRAINT accounts_credit_cents_new_check CHECK (credit_cents_new >= 0) NOT VALID;

-- The scan of the existing rows, under SHARE UPDATE EXCLUSIVE: reads and writes carry on.
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_credit_cents_new_check;
