-- This exercise uses the pre-built `shop` schema (shop.customers, shop.orders); it adds no tables.
SET search_path = shop, public;
