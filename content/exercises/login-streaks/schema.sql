-- Users and every login they made. logged_in_at is a timestamptz; a "day" is a calendar day in UTC.

CREATE TABLE users (
  id   integer PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE logins (
  id           integer PRIMARY KEY,
  user_id      integer NOT NULL REFERENCES users (id),
  logged_in_at timestamptz NOT NULL
);

INSERT INTO users (id, name) VALUES
  (1, 'ana'),
  (2, 'ben'),
  (3, 'cleo'),
  (4, 'dev'),   -- never logged in
  (5, 'eli');

INSERT INTO logins (id, user_id, logged_in_at) VALUES
  -- ana: 30 Jan (twice), 31 Jan (a second before midnight), 1 Feb (at midnight), 2 Feb; then 5-6 Feb
  (1,  1, '2026-01-30 08:00:00+00'),
  (2,  1, '2026-01-30 21:00:00+00'),
  (3,  1, '2026-01-31 23:59:59+00'),
  (4,  1, '2026-02-01 00:00:00+00'),
  (5,  1, '2026-02-02 12:00:00+00'),
  (6,  1, '2026-02-05 07:00:00+00'),
  (7,  1, '2026-02-06 07:00:00+00'),
  -- ben: a single login
  (8,  2, '2026-02-10 15:00:00+00'),
  -- cleo: 1-3 Feb, then 10-12 Feb with two logins on the 11th, then 20-21 Feb
  (9,  3, '2026-02-01 09:00:00+00'),
  (10, 3, '2026-02-02 09:00:00+00'),
  (11, 3, '2026-02-03 09:00:00+00'),
  (12, 3, '2026-02-10 09:00:00+00'),
  (13, 3, '2026-02-11 09:00:00+00'),
  (14, 3, '2026-02-11 18:00:00+00'),
  (15, 3, '2026-02-12 09:00:00+00'),
  (16, 3, '2026-02-20 09:00:00+00'),
  (17, 3, '2026-02-21 09:00:00+00'),
  -- eli: 5 and 6 March (47 h 40 min apart), nothing on the 7th, then 8 and 9 March
  (18, 5, '2026-03-05 00:10:00+00'),
  (19, 5, '2026-03-06 23:50:00+00'),
  (20, 5, '2026-03-08 00:10:00+00'),
  (21, 5, '2026-03-09 00:05:00+00');
