-- The right kind of index, but the query was "simplified" to fit it: every order of 4244 happens to
-- be paid today, so the result looks the same until the customer gets a refund.
CREATE INDEX orders_customer_created_idx ON shop.orders (customer_id, created_at);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244
ORDER BY created_at DESC
LIMIT 3;
