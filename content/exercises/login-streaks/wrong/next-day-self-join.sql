-- Counts each user's days whose previous day also has a login, plus one: this measures how many
-- consecutive pairs there are in total, not the longest run.
WITH days AS (
  SELECT DISTINCT user_id, (logged_in_at AT TIME ZONE 'UTC')::date AS day
  FROM logins
)
SELECT d.user_id,
       COUNT(p.day) + 1 AS streak_days,
       COALESCE(MIN(p.day), MIN(d.day)) AS first_day,
       MAX(CASE WHEN p.day IS NOT NULL THEN d.day END) AS last_day
FROM days d
LEFT JOIN days p ON p.user_id = d.user_id AND p.day = d.day - 1
GROUP BY d.user_id
ORDER BY d.user_id;
