-- The accounts of a billing service. Balances are in cents, in a 32-bit integer: the largest are
-- close to its limit of 2,147,483,647. Ids run from 1 to 500 without gaps.
CREATE TABLE accounts (
  id           integer PRIMARY KEY,
  email        text NOT NULL UNIQUE,
  credit_cents integer NOT NULL CONSTRAINT accounts_credit_cents_check CHECK (credit_cents >= 0),
  created_at   timestamptz NOT NULL
);

INSERT INTO accounts (id, email, credit_cents, created_at)
SELECT g,
       'account' || g || '@example.com',
       CASE WHEN g % 50 = 0 THEN 2147480000 + g ELSE 1 + (g * 7919) % 900000 END,
       timestamptz '2023-01-01 00:00:00+00' + g * interval '17 hours'
FROM generate_series(1, 500) AS g;
