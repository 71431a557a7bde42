-- The range column first: one customer's entries are spread over the whole index.
CREATE INDEX orders_created_customer_idx ON shop.orders (created_at, customer_id, status);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
