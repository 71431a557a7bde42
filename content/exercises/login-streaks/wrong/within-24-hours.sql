-- A new streak starts when a login is more than 24 hours after the previous one.
WITH marked AS (
  SELECT user_id, logged_in_at,
         CASE WHEN logged_in_at - LAG(logged_in_at) OVER w <= INTERVAL '24 hours' THEN 0 ELSE 1 END AS starts
  FROM logins
  WINDOW w AS (PARTITION BY user_id ORDER BY logged_in_at)
),
labelled AS (
  SELECT user_id, (logged_in_at AT TIME ZONE 'UTC')::date AS day,
         SUM(starts) OVER (PARTITION BY user_id ORDER BY logged_in_at) AS island
  FROM marked
),
streaks AS (
  SELECT user_id, COUNT(DISTINCT day) AS streak_days, MIN(day) AS first_day, MAX(day) AS last_day
  FROM labelled
  GROUP BY user_id, island
)
SELECT DISTINCT ON (user_id) user_id, streak_days, first_day, last_day
FROM streaks
ORDER BY user_id, streak_days DESC, first_day;
