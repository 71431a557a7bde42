-- Serves the order, but status is a Filter: refunded and pending orders are read and thrown away.
CREATE INDEX orders_customer_created_idx ON shop.orders (customer_id, created_at);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
