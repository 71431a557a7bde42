-- date_trunc('day', timestamptz) truncates in the session's time zone too.
WITH days AS (
  SELECT DISTINCT user_id, date_trunc('day', logged_in_at) AS day
  FROM logins
),
islands AS (
  SELECT user_id, day, day - ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) * INTERVAL '1 day' AS island
  FROM days
),
streaks AS (
  SELECT user_id, COUNT(*) AS streak_days,
         (MIN(day) AT TIME ZONE 'UTC')::date AS first_day, (MAX(day) AT TIME ZONE 'UTC')::date AS last_day
  FROM islands
  GROUP BY user_id, island
)
SELECT DISTINCT ON (user_id) user_id, streak_days, first_day, last_day
FROM streaks
ORDER BY user_id, streak_days DESC, first_day;
