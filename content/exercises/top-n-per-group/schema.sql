-- A small shop: categories, their products, and one row per sale (a product and a quantity).
-- All times are UTC. The report covers March 2026.

CREATE TABLE categories (
  id   integer PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE products (
  id          integer PRIMARY KEY,
  category_id integer NOT NULL REFERENCES categories (id),
  name        text NOT NULL
);

CREATE TABLE sales (
  id         integer PRIMARY KEY,
  product_id integer NOT NULL REFERENCES products (id),
  quantity   integer NOT NULL CHECK (quantity > 0),
  sold_at    timestamptz NOT NULL
);

INSERT INTO categories (id, name) VALUES
  (1, 'books'),
  (2, 'games'),
  (3, 'garden'),
  (4, 'music'),
  (5, 'toys');          -- no products yet

INSERT INTO products (id, category_id, name) VALUES
  (1, 1, 'Atlas of Rivers'),
  (2, 1, 'Cookbook'),
  (3, 1, 'Dune'),
  (4, 1, 'Essays'),
  (5, 2, 'Chess set'),
  (6, 2, 'Go board'),   -- sold in February only
  (7, 2, 'Jigsaw'),     -- never sold
  (8, 3, 'Trowel'),
  (9, 3, 'Seeds'),
  (10, 3, 'Rake'),
  (11, 4, 'Vinyl sampler');

INSERT INTO sales (id, product_id, quantity, sold_at) VALUES
  (1,  1, 3,  '2026-03-02 10:00:00+00'),
  (2,  1, 2,  '2026-03-20 16:45:00+00'),
  (3,  2, 4,  '2026-03-05 09:30:00+00'),
  (4,  2, 1,  '2026-03-31 23:30:00+00'),   -- last evening of March
  (5,  3, 9,  '2026-02-28 23:59:59+00'),   -- before the range
  (6,  3, 1,  '2026-03-01 00:00:00+00'),   -- the first instant of the range
  (7,  3, 7,  '2026-04-01 00:00:00+00'),   -- the first instant after the range
  (8,  4, 1,  '2026-03-03 12:00:00+00'),
  (9,  4, 1,  '2026-03-08 12:00:00+00'),
  (10, 4, 1,  '2026-03-15 12:00:00+00'),
  (11, 4, 1,  '2026-03-22 12:00:00+00'),
  (12, 5, 3,  '2026-03-10 18:00:00+00'),
  (13, 5, 3,  '2026-03-11 18:00:00+00'),
  (14, 6, 5,  '2026-02-14 11:00:00+00'),
  (15, 8, 2,  '2026-03-12 08:00:00+00'),
  (16, 9, 10, '2026-03-18 08:00:00+00'),
  (17, 10, 1, '2026-03-19 08:00:00+00'),
  (18, 10, 1, '2026-03-26 08:00:00+00'),
  (19, 11, 3, '2026-03-07 20:00:00+00');
