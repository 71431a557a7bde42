-- Serves the filter but not the order: a Sort remains above the scan.
CREATE INDEX orders_customer_status_idx ON shop.orders (customer_id, status);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
