-- LATERAL with LIMIT 2 is a fine approach, but this one orders by units only, then names the row
-- number after the fact: which of two tied products is kept is left to the sort.
SELECT c.name AS category, t.id AS product_id, t.name AS product, t.units,
       ROW_NUMBER() OVER (PARTITION BY c.id ORDER BY t.units DESC) AS rank
FROM categories c
CROSS JOIN LATERAL (
  SELECT p.id, p.name,
         COALESCE((SELECT SUM(s.quantity) FROM sales s
                   WHERE s.product_id = p.id
                     AND s.sold_at >= TIMESTAMPTZ '2026-03-01 00:00:00+00'
                     AND s.sold_at <  TIMESTAMPTZ '2026-04-01 00:00:00+00'), 0) AS units
  FROM products p
  WHERE p.category_id = c.id
  ORDER BY units DESC, p.name DESC
  LIMIT 2
) t
ORDER BY c.name, rank;
