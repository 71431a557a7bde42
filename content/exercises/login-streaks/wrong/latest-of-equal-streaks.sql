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
SELECT DISTINCT ON (user_id) user_id, streak_days, first_day, last_day
FROM streaks
ORDER BY user_id, streak_days DESC, first_day DESC;
