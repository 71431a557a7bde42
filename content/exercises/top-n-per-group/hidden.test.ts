import fc from "fast-check";
import { db, learner, resetDatabase } from "deepend:sql";

beforeEach(() => resetDatabase());

let nextSaleId = 1000;

/** Adds a category with products; each product is [id, name, sales as [quantity, sold_at]...]. One script, no per-row round trips. */
async function addCategory(id: number, name: string, products: Array<[number, string, Array<[number, string]>]>) {
  const script = [`INSERT INTO categories (id, name) VALUES (${id}, '${name}')`];
  if (products.length > 0) script.push(`INSERT INTO products (id, category_id, name) VALUES ${products.map(([pid, pname]) => `(${pid}, ${id}, '${pname}')`).join(", ")}`);
  const sales = products.flatMap(([pid, , rows]) => rows.map(([quantity, soldAt]) => `(${nextSaleId++}, ${pid}, ${quantity}, '${soldAt}')`));
  if (sales.length > 0) script.push(`INSERT INTO sales (id, product_id, quantity, sold_at) VALUES ${sales.join(", ")}`);
  await db.exec(script.join(";\n"));
}

/** The learner's rows for one category, as [product_id, units, rank]. */
async function rowsOf(category: string) {
  const result = await learner.query();
  return result.rows.filter((row) => row.category === category).map((row) => [row.product_id, row.units, row.rank]);
}

describe("ranking", () => {
  it("keeps exactly two products when three tie for first place (row numbers, not ranks)", async () => {
    await addCategory(20, "kitchen", [
      [41, "Kettle", [[4, "2026-03-04 10:00:00+00"]]],
      [42, "Pan", [[4, "2026-03-05 10:00:00+00"]]],
      [43, "Whisk", [[2, "2026-03-06 10:00:00+00"], [2, "2026-03-07 10:00:00+00"]]],
    ]);
    expect(await rowsOf("kitchen")).toEqual([
      [41, 4, 1],
      [42, 4, 2],
    ]);
  });

  it("breaks ties on units by the lower product id, not by name", async () => {
    await addCategory(21, "instruments", [
      [50, "Zither", [[3, "2026-03-10 10:00:00+00"]]],
      [51, "Accordion", [[3, "2026-03-11 10:00:00+00"]]],
      [52, "Banjo", [[3, "2026-03-12 10:00:00+00"]]],
    ]);
    expect(await rowsOf("instruments")).toEqual([
      [50, 3, 1],
      [51, 3, 2],
    ]);
  });

  it("sums quantities: one sale of 6 units beats five sales of 1 unit", async () => {
    const day = (d: number): [number, string] => [1, `2026-03-${String(d).padStart(2, "0")} 09:00:00+00`];
    await addCategory(22, "office", [
      [60, "Stapler", [day(1), day(2), day(3), day(4), day(5)]],
      [61, "Desk", [[6, "2026-03-20 09:00:00+00"]]],
      [62, "Pen", [[1, "2026-03-21 09:00:00+00"]]],
    ]);
    expect(await rowsOf("office")).toEqual([
      [61, 6, 1],
      [60, 5, 2],
    ]);
  });

  it("ranks each category on its own: a big seller elsewhere does not push a category's products out", async () => {
    await addCategory(23, "sports", [[70, "Ball", [[100, "2026-03-15 12:00:00+00"]]], [71, "Net", [[90, "2026-03-15 12:00:00+00"]]]]);
    const result = await learner.query();
    expect(result.rows.filter((row) => row.category === "music").map((row) => row.product_id)).toEqual([11]);
    expect(result.rowCount).toBe(9);
  });
});

describe("the date range", () => {
  it("includes a sale at 2026-03-01 00:00:00 UTC and one a microsecond before April", async () => {
    await addCategory(30, "lamps", [
      [80, "Desk lamp", [[3, "2026-03-01 00:00:00+00"]]],
      [81, "Floor lamp", [[2, "2026-03-31 23:59:59.999999+00"]]],
      [82, "Candle", [[1, "2026-03-16 00:00:00+00"]]],
    ]);
    expect(await rowsOf("lamps")).toEqual([
      [80, 3, 1],
      [81, 2, 2],
    ]);
  });

  it("excludes a sale a microsecond before March and one at 2026-04-01 00:00:00 UTC", async () => {
    await addCategory(31, "rugs", [
      [83, "Runner", [[9, "2026-02-28 23:59:59.999999+00"], [1, "2026-03-09 00:00:00+00"]]],
      [84, "Kilim", [[9, "2026-04-01 00:00:00+00"], [2, "2026-03-09 00:00:00+00"]]],
      [85, "Mat", [[3, "2026-03-09 00:00:00+00"]]],
    ]);
    expect(await rowsOf("rugs")).toEqual([
      [85, 3, 1],
      [84, 2, 2],
    ]);
  });

  it("counts products that sold only outside the range as unsold, with 0 units", async () => {
    await addCategory(32, "bikes", [
      [90, "Helmet", [[5, "2026-04-02 10:00:00+00"]]],
      [91, "Pump", [[5, "2026-02-02 10:00:00+00"]]],
      [92, "Bell", [[1, "2026-03-02 10:00:00+00"]]],
    ]);
    expect(await rowsOf("bikes")).toEqual([
      [92, 1, 1],
      [90, 0, 2],
    ]);
  });
});

describe("unsold products and small categories", () => {
  it("ranks an unsold product below every product that sold, even with a lower id (0, not NULL)", async () => {
    await addCategory(40, "paint", [
      [100, "Primer", []],
      [101, "Gloss", [[1, "2026-03-03 10:00:00+00"]]],
      [102, "Matt", [[2, "2026-03-04 10:00:00+00"]]],
    ]);
    expect(await rowsOf("paint")).toEqual([
      [102, 2, 1],
      [101, 1, 2],
    ]);
  });

  it("lists a category whose products never sold: its two lowest ids, at 0 units", async () => {
    await addCategory(41, "stamps", [
      [112, "Penny black", []],
      [110, "Blue mauritius", []],
      [111, "Inverted jenny", []],
    ]);
    expect(await rowsOf("stamps")).toEqual([
      [110, 0, 1],
      [111, 0, 2],
    ]);
  });

  it("gives a single-product category one row and a category without products none", async () => {
    await addCategory(42, "maps", [[120, "Globe", []]]);
    await addCategory(43, "aprons", []);
    const result = await learner.query();
    expect(result.rows.filter((row) => row.category === "maps").map((row) => [row.product_id, row.units, row.rank])).toEqual([[120, 0, 1]]);
    expect(result.rows.filter((row) => row.category === "aprons" || row.category === "toys")).toEqual([]);
    expect(result.rows.every((row) => row.product_id !== null && row.units !== null)).toBe(true);
  });

  it("orders categories by name, not by id", async () => {
    await addCategory(99, "accessories", [[130, "Scarf", [[1, "2026-03-03 10:00:00+00"]]]]);
    const result = await learner.query();
    expect(result.rows.map((row) => row.category)).toEqual(["accessories", "books", "books", "games", "games", "garden", "garden", "music"]);
  });
});

// --- Property: the result equals a model of the spec on random data. ---

const INSTANTS: Array<{ at: string; inMarch: boolean }> = [
  { at: "2026-02-28 23:59:59.999999+00", inMarch: false },
  { at: "2026-03-01 00:00:00+00", inMarch: true },
  { at: "2026-03-01 00:00:00.000001+00", inMarch: true },
  { at: "2026-03-15 12:00:00+00", inMarch: true },
  { at: "2026-03-31 23:59:59.999999+00", inMarch: true },
  { at: "2026-04-01 00:00:00+00", inMarch: false },
  { at: "2026-04-01 00:00:00.000001+00", inMarch: false },
];
const CATEGORY_NAMES = ["art", "books", "crafts", "games", "garden", "music", "toys", "tools"];
const PRODUCT_NAMES = ["alpha", "bravo", "charlie", "delta", "echo"];

interface Shop {
  categories: string[]; // category i has id i + 1
  products: Array<{ id: number; category: number; name: string }>;
  sales: Array<{ product: number; quantity: number; instant: number }>;
}

const shopArb: fc.Arbitrary<Shop> = fc
  .shuffledSubarray(CATEGORY_NAMES, { minLength: 1, maxLength: 5 })
  .chain((categories) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: 300 }), { maxLength: 12 })
      .chain((ids) =>
        fc.record({
          products: fc.tuple(...ids.map((id) => fc.record({ id: fc.constant(id), category: fc.nat(categories.length - 1), name: fc.constantFrom(...PRODUCT_NAMES) }))),
          sales: fc.array(fc.record({ product: fc.nat(), quantity: fc.integer({ min: 1, max: 3 }), instant: fc.nat(INSTANTS.length - 1) }), { maxLength: ids.length === 0 ? 0 : 30 }),
        }),
      )
      .map(({ products, sales }) => ({ categories, products, sales: sales.map((s) => ({ ...s, product: products[s.product % products.length]!.id })) })),
  );

function model(shop: Shop) {
  const units = new Map<number, number>(shop.products.map((p) => [p.id, 0]));
  for (const sale of shop.sales) if (INSTANTS[sale.instant]!.inMarch) units.set(sale.product, units.get(sale.product)! + sale.quantity);
  const rows: Array<[string, number, string, number, number]> = [];
  const names = shop.categories.map((name, index) => ({ name, index })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const { name, index } of names) {
    const ranked = shop.products.filter((p) => p.category === index).sort((a, b) => units.get(b.id)! - units.get(a.id)! || a.id - b.id);
    ranked.slice(0, 2).forEach((p, i) => rows.push([name, p.id, p.name, units.get(p.id)!, i + 1]));
  }
  return rows;
}

const list = (items: string[]) => items.join(", ");

describe("property", () => {
  it("matches a model of the spec on random shops (seeded)", async () => {
    await fc.assert(
      fc.asyncProperty(shopArb, async (shop) => {
        const script = ["DELETE FROM sales", "DELETE FROM products", "DELETE FROM categories"];
        script.push(`INSERT INTO categories (id, name) VALUES ${list(shop.categories.map((name, i) => `(${i + 1}, '${name}')`))}`);
        if (shop.products.length > 0) {
          script.push(`INSERT INTO products (id, category_id, name) VALUES ${list(shop.products.map((p) => `(${p.id}, ${p.category + 1}, '${p.name}')`))}`);
        }
        if (shop.sales.length > 0) {
          script.push(`INSERT INTO sales (id, product_id, quantity, sold_at) VALUES ${list(shop.sales.map((s, i) => `(${i + 1}, ${s.product}, ${s.quantity}, '${INSTANTS[s.instant]!.at}')`))}`);
        }
        await db.exec(script.join(";\n"));
        const result = await learner.query();
        expect(result.values).toEqual(model(shop));
      }),
      { seed: 20260301, numRuns: 30 },
    );
  });
});
