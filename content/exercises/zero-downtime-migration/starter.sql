-- The expand half of credit_cents integer -> bigint, one statement per step:
-- add credit_cents_new, keep it in sync with a trigger, backfill in batches of at most 100 rows,
-- then add and validate accounts_credit_cents_new_check. Replace this stub.
SELECT count(*) FROM accounts;
