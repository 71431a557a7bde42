-- Users (when they signed up) and their activity events. All times are timestamptz; months are
-- calendar months in UTC. An event is never earlier than its user's sign-up.

CREATE TABLE users (
  id           integer PRIMARY KEY,
  signed_up_at timestamptz NOT NULL
);

CREATE TABLE events (
  id          integer PRIMARY KEY,
  user_id     integer NOT NULL REFERENCES users (id),
  occurred_at timestamptz NOT NULL
);

INSERT INTO users (id, signed_up_at) VALUES
  (1,  '2025-10-02 09:00:00+00'),
  (2,  '2025-10-15 14:00:00+00'),
  (3,  '2025-10-20 08:00:00+00'),   -- never active
  (4,  '2025-10-31 23:30:00+00'),   -- last half-hour of October (UTC)
  (5,  '2025-11-01 00:00:00+00'),   -- first instant of November (UTC)
  (6,  '2025-11-12 10:00:00+00'),
  (7,  '2025-11-28 19:00:00+00'),
  (8,  '2025-12-03 12:00:00+00'),
  (9,  '2025-12-24 12:00:00+00'),
  (10, '2026-01-20 07:00:00+00'),
  (11, '2026-02-02 16:00:00+00');   -- the latest sign-up: February 2026 is the last month of data

INSERT INTO events (id, user_id, occurred_at) VALUES
  (1,  1, '2025-10-02 09:05:00+00'),
  (2,  1, '2025-10-09 10:00:00+00'),
  (3,  1, '2025-11-04 10:00:00+00'),
  (4,  1, '2026-01-15 10:00:00+00'),
  (5,  2, '2025-10-15 14:10:00+00'),
  (6,  2, '2025-12-01 00:00:00+00'),
  (7,  2, '2025-12-20 18:00:00+00'),
  (8,  4, '2025-11-01 00:10:00+00'),   -- 40 minutes after signing up, but in November
  (9,  5, '2025-11-01 00:05:00+00'),
  (10, 6, '2025-11-12 10:30:00+00'),
  (11, 6, '2025-11-13 08:00:00+00'),
  (12, 6, '2025-12-31 23:59:59+00'),
  (13, 7, '2026-01-02 09:00:00+00'),
  (14, 8, '2025-12-03 12:30:00+00');
