-- Numbers every login instead of every distinct day: a second login on a day shifts the label.
WITH numbered AS (
  SELECT user_id, (logged_in_at AT TIME ZONE 'UTC')::date AS day,
         (ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY logged_in_at))::integer AS n
  FROM logins
),
streaks AS (
  SELECT user_id, COUNT(*) AS streak_days, MIN(day) AS first_day, MAX(day) AS last_day
  FROM numbered
  GROUP BY user_id, day - n
)
SELECT DISTINCT ON (user_id) user_id, streak_days, first_day, last_day
FROM streaks
ORDER BY user_id, streak_days DESC, first_day;
