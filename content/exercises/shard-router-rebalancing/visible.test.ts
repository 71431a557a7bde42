import { ShardRouter, WrongShardError } from "./solution";

describe("ShardRouter", () => {
  it("starts with one shard covering every key on the first node", () => {
    const map = new ShardRouter(["n1", "n2"]);
    expect(map.version).toBe(1);
    expect(map.shards()).toEqual([{ id: "s1", start: "", end: null, node: "n1", version: 1 }]);
    expect(map.route("")).toEqual(map.route("anything"));
  });

  it("splits a shard in two, both halves getting the new version", () => {
    const map = new ShardRouter(["n1"]);
    const right = map.split("s1", "m");
    expect(right).toEqual({ id: "s2", start: "m", end: null, node: "n1", version: 2 });
    expect(map.shards()).toEqual([
      { id: "s1", start: "", end: "m", node: "n1", version: 2 },
      { id: "s2", start: "m", end: null, node: "n1", version: 2 },
    ]);
    expect(map.route("lemon").id).toBe("s1");
    expect(map.route("m").id).toBe("s2");
  });

  it("moves a shard to another node, and refuses unknown shards and nodes", () => {
    const map = new ShardRouter(["n1", "n2"]);
    expect(map.move("s1", "n2")).toBe(true);
    expect(map.route("k")).toMatchObject({ node: "n2", version: 2 });
    expect(map.move("s1", "n2")).toBe(false);
    expect(map.version).toBe(2);
    expect(() => map.move("s9", "n1")).toThrow("unknown shard s9");
    expect(() => map.move("s1", "n9")).toThrow("unknown node n9");
  });

  it("rebalances with the fewest moves", () => {
    const map = new ShardRouter(["n1", "n2"]);
    map.split("s1", "m");
    map.split("s2", "t");
    const moves = map.rebalance();
    expect(moves).toHaveLength(1);
    expect(moves[0]?.from).toBe("n1");
    expect(moves[0]?.to).toBe("n2");
    expect(map.shards().filter((s) => s.node === "n2")).toHaveLength(1);
    expect(map.version).toBe(4);
  });

  it("refuses a request routed with a map older than the shard it targets", () => {
    const map = new ShardRouter(["n1", "n2"]);
    map.split("s1", "m"); // version 2
    map.move("s2", "n2"); // version 3
    expect(map.serve({ key: "apple", shardId: "s1", version: 2 }).id).toBe("s1");
    let error: unknown;
    try {
      map.serve({ key: "zebra", shardId: "s2", version: 2 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WrongShardError);
    expect((error as WrongShardError).currentVersion).toBe(3);
    expect((error as WrongShardError).shard).toEqual({ id: "s2", start: "m", end: null, node: "n2", version: 3 });
  });
});
