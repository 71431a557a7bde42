-- Finds the customer's rows, but they still have to be filtered and sorted.
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
