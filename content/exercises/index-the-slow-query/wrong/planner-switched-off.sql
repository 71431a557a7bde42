-- Forces the plan instead of fixing it: with sequential scans and sorts "disabled", the planner
-- still has nothing better than an index on customer_id and a sort.
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);
SET enable_seqscan = off;
SET enable_sort = off;

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
