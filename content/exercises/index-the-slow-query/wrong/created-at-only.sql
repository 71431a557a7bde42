-- Indexes the sort column only: the planner cannot find one customer's rows in it.
CREATE INDEX orders_created_idx ON shop.orders (created_at);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
