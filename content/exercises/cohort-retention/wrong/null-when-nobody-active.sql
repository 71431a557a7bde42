-- Per-month counts joined back with LEFT JOINs: a month nobody was active in has no count row,
-- so its cell is NULL instead of 0.0.
WITH members AS (
  SELECT id AS user_id, date_trunc('month', signed_up_at AT TIME ZONE 'UTC')::date AS cohort
  FROM users
),
activity AS (
  SELECT DISTINCT user_id, date_trunc('month', occurred_at AT TIME ZONE 'UTC')::date AS month
  FROM events
),
data_end AS (
  SELECT GREATEST((SELECT MAX(cohort) FROM members), (SELECT MAX(month) FROM activity)) AS last_month
),
counts AS (
  SELECT m.cohort,
         (EXTRACT(YEAR FROM age(a.month, m.cohort)) * 12 + EXTRACT(MONTH FROM age(a.month, m.cohort)))::integer AS k,
         COUNT(*) AS active
  FROM members m
  JOIN activity a ON a.user_id = m.user_id
  GROUP BY 1, 2
),
sizes AS (
  SELECT cohort, COUNT(*) AS cohort_size FROM members GROUP BY cohort
)
SELECT s.cohort, s.cohort_size,
       CASE WHEN s.cohort <= d.last_month THEN ROUND(100.0 * c0.active / s.cohort_size, 1) END AS month_0,
       CASE WHEN s.cohort + INTERVAL '1 month' <= d.last_month THEN ROUND(100.0 * c1.active / s.cohort_size, 1) END AS month_1,
       CASE WHEN s.cohort + INTERVAL '2 months' <= d.last_month THEN ROUND(100.0 * c2.active / s.cohort_size, 1) END AS month_2,
       CASE WHEN s.cohort + INTERVAL '3 months' <= d.last_month THEN ROUND(100.0 * c3.active / s.cohort_size, 1) END AS month_3
FROM sizes s
CROSS JOIN data_end d
LEFT JOIN counts c0 ON c0.cohort = s.cohort AND c0.k = 0
LEFT JOIN counts c1 ON c1.cohort = s.cohort AND c1.k = 1
LEFT JOIN counts c2 ON c2.cohort = s.cohort AND c2.k = 2
LEFT JOIN counts c3 ON c3.cohort = s.cohort AND c3.k = 3
ORDER BY s.cohort;
