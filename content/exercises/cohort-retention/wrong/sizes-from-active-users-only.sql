-- Cohort sizes counted through the events: users who never had an event are left out.
WITH members AS (
  SELECT id AS user_id, date_trunc('month', signed_up_at AT TIME ZONE 'UTC')::date AS cohort
  FROM users
),
activity AS (
  SELECT DISTINCT user_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month
  FROM events
),
data_end AS (
  -- GREATEST ignores NULL, so with no events at all the latest sign-up month is the end
  SELECT GREATEST((SELECT MAX(cohort) FROM members), (SELECT MAX(month) FROM activity)) AS last_month
),
offsets AS (
  SELECT m.cohort, a.user_id,
         (EXTRACT(YEAR FROM age(a.month, m.cohort)) * 12 + EXTRACT(MONTH FROM age(a.month, m.cohort)))::integer AS k
  FROM members m
  JOIN activity a ON a.user_id = m.user_id
),
sizes AS (
  SELECT m.cohort, COUNT(DISTINCT m.user_id) AS cohort_size FROM members m JOIN activity a ON a.user_id = m.user_id GROUP BY m.cohort
)
SELECT s.cohort,
       s.cohort_size,
       CASE WHEN s.cohort <= d.last_month
            THEN ROUND(100.0 * COUNT(o.user_id) FILTER (WHERE o.k = 0) / s.cohort_size, 1) END AS month_0,
       CASE WHEN s.cohort + INTERVAL '1 month' <= d.last_month
            THEN ROUND(100.0 * COUNT(o.user_id) FILTER (WHERE o.k = 1) / s.cohort_size, 1) END AS month_1,
       CASE WHEN s.cohort + INTERVAL '2 months' <= d.last_month
            THEN ROUND(100.0 * COUNT(o.user_id) FILTER (WHERE o.k = 2) / s.cohort_size, 1) END AS month_2,
       CASE WHEN s.cohort + INTERVAL '3 months' <= d.last_month
            THEN ROUND(100.0 * COUNT(o.user_id) FILTER (WHERE o.k = 3) / s.cohort_size, 1) END AS month_3
FROM sizes s
CROSS JOIN data_end d
LEFT JOIN offsets o ON o.cohort = s.cohort
GROUP BY s.cohort, s.cohort_size, d.last_month
ORDER BY s.cohort;
