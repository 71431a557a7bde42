-- An index on the wrong table: orders is still scanned sequentially.
CREATE INDEX customers_id_signed_up_idx ON shop.customers (id, signed_up_at);

SELECT id, total_cents, created_at
FROM shop.orders
WHERE customer_id = 4244 AND status = 'paid'
ORDER BY created_at DESC
LIMIT 3;
