-- Create the index that makes the query fast (CREATE INDEX ... ON shop.orders ...;),
-- then write the query below, unchanged.

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
