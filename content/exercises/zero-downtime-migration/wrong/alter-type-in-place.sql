-- The one-line fix: rewrites all rows under ACCESS EXCLUSIVE, so the whole table is blocked.
SET lock_timeout = '2s';

ALTER TABLE accounts ALTER COLUMN credit_cents TYPE bigint;
