-- The index is right; the query was changed to show five orders.
CREATE INDEX orders_customer_status_created_idx ON shop.orders (customer_id, status, created_at);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 5;
