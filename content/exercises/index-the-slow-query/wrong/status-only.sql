-- Indexes the status only: 112,500 paid orders match, then they are filtered and sorted.
CREATE INDEX orders_status_idx ON shop.orders (status);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
