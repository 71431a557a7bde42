-- Equality columns first, the sort column last: the entries for one (customer, status) pair are
-- contiguous and already ordered by created_at, so the scan walks them backwards and stops at three.
CREATE INDEX orders_customer_status_created_idx ON shop.orders (customer_id, status, created_at);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
