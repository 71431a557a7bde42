-- Monthly sign-up cohorts and the share of each cohort active in months 0 to 3.
-- Columns: cohort, cohort_size, month_0, month_1, month_2, month_3. Replace this stub.
SELECT date_trunc('month', signed_up_at AT TIME ZONE 'UTC')::date AS cohort,
       COUNT(*) AS cohort_size,
       0.0 AS month_0, 0.0 AS month_1, 0.0 AS month_2, 0.0 AS month_3
FROM users
GROUP BY 1
ORDER BY 1;
