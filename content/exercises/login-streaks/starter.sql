-- Each user's longest run of consecutive UTC days with a login.
-- Columns: user_id, streak_days, first_day, last_day. Replace this stub.
SELECT user_id, 1 AS streak_days, MIN(logged_in_at)::date AS first_day, MIN(logged_in_at)::date AS last_day
FROM logins
GROUP BY user_id
ORDER BY user_id;
