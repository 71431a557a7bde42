-- Every event recorded once, under the idempotency key its producer gave it.
CREATE TABLE events (
  key          text PRIMARY KEY,
  user_id      integer NOT NULL,
  amount_cents bigint  NOT NULL
);

-- One row per user with at least one event: how many, and their sum.
CREATE TABLE user_totals (
  user_id     integer PRIMARY KEY,
  event_count integer NOT NULL,
  total_cents bigint  NOT NULL
);

INSERT INTO events (key, user_id, amount_cents) VALUES
  ('evt_a1', 1, 1250),
  ('evt_a2', 1, 499),
  ('evt_b1', 2, 10000),
  ('evt_b2', 2, -2500);

INSERT INTO user_totals (user_id, event_count, total_cents) VALUES
  (1, 2, 1749),
  (2, 2, 7500);
