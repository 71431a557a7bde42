import { db, learner, resetDatabase } from "deepend:sql";

beforeEach(() => resetDatabase());

describe("top two products per category in March 2026", () => {
  it("returns the example result for the schema's data", async () => {
    const result = await learner.query();
    expect(result.values).toEqual([
      ["books", 1, "Atlas of Rivers", 5, 1],
      ["books", 2, "Cookbook", 5, 2],
      ["games", 5, "Chess set", 6, 1],
      ["games", 6, "Go board", 0, 2],
      ["garden", 9, "Seeds", 10, 1],
      ["garden", 8, "Trowel", 2, 2],
      ["music", 11, "Vinyl sampler", 3, 1],
    ]);
  });

  it("returns the columns category, product_id, product, units, rank with their types", async () => {
    const result = await learner.query();
    expect(result.fields).toEqual([
      { name: "category", type: "text" },
      { name: "product_id", type: "integer" },
      { name: "product", type: "text" },
      { name: "units", type: "bigint" },
      { name: "rank", type: "bigint" },
    ]);
  });

  it("keeps only one of two products tied for second place: the one with the lower id", async () => {
    const result = await learner.query();
    const garden = result.rows.filter((row) => row.category === "garden");
    expect(garden.map((row) => [row.product, row.units, row.rank])).toEqual([
      ["Seeds", 10, 1],
      ["Trowel", 2, 2],
    ]);
  });

  it("counts a sale at the first instant of April as outside the range", async () => {
    await db.query("INSERT INTO sales (id, product_id, quantity, sold_at) VALUES (100, 7, 50, '2026-04-01 00:00:00+00')");
    const result = await learner.query();
    const games = result.rows.filter((row) => row.category === "games");
    expect(games.map((row) => [row.product, row.units])).toEqual([
      ["Chess set", 6],
      ["Go board", 0],
    ]);
  });
});
