-- The "shop" dataset: big enough (300,000 orders) that the planner's choices are real. Built once
-- into the SQL engine's template database (schema `shop`, owned by the learner role) and shared
-- read-write by every run; each run's changes are rolled back. No sequences (serial/identity):
-- nextval is not undone by a rollback, and the next run must see the same ids.
CREATE TABLE shop.customers (
  id integer PRIMARY KEY,
  email text NOT NULL UNIQUE,
  country text NOT NULL,
  signed_up_at timestamptz NOT NULL
);
INSERT INTO shop.customers
SELECT g,
       'customer' || g || '@example.com',
       (ARRAY['DE', 'FR', 'US', 'GB', 'JP', 'BR', 'IN', 'NL'])[1 + g % 8],
       timestamptz '2024-01-01' + (g % 700) * interval '1 day' + (g % 1440) * interval '1 minute'
FROM generate_series(1, 20000) AS g;

CREATE TABLE shop.orders (
  id integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES shop.customers (id),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'refunded')),
  total_cents integer NOT NULL CHECK (total_cents >= 0),
  created_at timestamptz NOT NULL
);
INSERT INTO shop.orders
SELECT g,
       1 + (g::bigint * 7919) % 20000,
       (ARRAY['paid', 'shipped', 'shipped', 'paid', 'refunded', 'pending', 'shipped', 'paid'])[1 + (g::bigint * 31) % 8],
       500 + (g::bigint * 7907) % 49500,
       timestamptz '2025-01-01' + (g::bigint * 104729 % 31536000) * interval '1 second'
FROM generate_series(1, 300000) AS g;
