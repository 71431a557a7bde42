WITH units AS (
  SELECT p.id, p.category_id, p.name, COALESCE(SUM(s.quantity), 0) AS units
  FROM products p
  LEFT JOIN sales s
    ON s.product_id = p.id
   AND s.sold_at >= TIMESTAMPTZ '2026-03-01 00:00:00+00'
   AND s.sold_at <  TIMESTAMPTZ '2026-04-01 00:00:00+00'
  GROUP BY p.id, p.category_id, p.name
),
ranked AS (
  SELECT u.*, RANK() OVER (PARTITION BY u.category_id ORDER BY u.units DESC) AS rank
  FROM units u
)
SELECT c.name AS category, r.id AS product_id, r.name AS product, r.units, r.rank
FROM ranked r
JOIN categories c ON c.id = r.category_id
WHERE r.rank <= 2
ORDER BY c.name, r.rank, r.id;
