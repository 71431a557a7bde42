-- Starts from users with a LEFT JOIN, so users who never logged in get a row with 0.
WITH days AS (
  SELECT DISTINCT user_id, (logged_in_at AT TIME ZONE 'UTC')::date AS day
  FROM logins
),
islands AS (
  SELECT user_id, day, day - (ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day))::integer AS island
  FROM days
),
streaks AS (
  SELECT user_id, COUNT(*) AS streak_days, MIN(day) AS first_day, MAX(day) AS last_day
  FROM islands
  GROUP BY user_id, island
)
SELECT DISTINCT ON (u.id) u.id AS user_id, COALESCE(s.streak_days, 0) AS streak_days, s.first_day, s.last_day
FROM users u
LEFT JOIN streaks s ON s.user_id = u.id
ORDER BY u.id, s.streak_days DESC NULLS LAST, s.first_day;
