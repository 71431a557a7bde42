-- The two best-selling products of each category in March 2026 (UTC).
-- Columns: category, product_id, product, units, rank. Replace this stub.
SELECT c.name AS category, p.id AS product_id, p.name AS product, 0::bigint AS units, 1::bigint AS rank
FROM categories c
JOIN products p ON p.category_id = c.id
ORDER BY c.name, p.id;
