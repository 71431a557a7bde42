import { Pool, PoolDrainedError, PoolTimeoutError } from "./solution";

interface Conn {
  id: number;
}

function setup(max = 2, acquireTimeoutMs = 1000) {
  let next = 0;
  const destroyed: number[] = [];
  const create = fn(async (): Promise<Conn> => ({ id: ++next }));
  const pool = new Pool<Conn>({
    create,
    destroy: (conn) => {
      destroyed.push(conn.id);
    },
    max,
    acquireTimeoutMs,
  });
  return { pool, create, destroyed };
}

describe("Pool", () => {
  it("creates resources lazily, up to max, and reuses released ones", async () => {
    const { pool, create } = setup(2);
    expect(create).toHaveBeenCalledTimes(0);
    const a = await pool.acquire();
    const b = await pool.acquire();
    expect([a.id, b.id]).toEqual([1, 2]);
    expect([pool.size, pool.available]).toEqual([2, 0]);

    pool.release(a);
    expect([pool.size, pool.available]).toEqual([2, 1]);
    const again = await pool.acquire();
    expect(again).toBe(a);
    expect(create).toHaveBeenCalledTimes(2);
  });

  it("queues callers when every resource is taken and hands a released one to the first", async () => {
    const { pool } = setup(1);
    const a = await pool.acquire();
    const waiting = pool.acquire();
    expect(pool.pending).toBe(1);
    pool.release(a);
    expect(pool.pending).toBe(0);
    expect(await waiting).toBe(a);
    expect(pool.size).toBe(1);
  });

  it("rejects a caller with PoolTimeoutError after acquireTimeoutMs", async () => {
    const { pool } = setup(1, 500);
    await pool.acquire();
    const start = clock.now();
    await expect(pool.acquire()).rejects.toThrow(PoolTimeoutError);
    expect(clock.now() - start).toBe(500);
    expect(pool.pending).toBe(0);
  });

  it("throws when releasing something that is not borrowed", async () => {
    const { pool } = setup(1);
    const a = await pool.acquire();
    expect(() => pool.release({ id: 99 })).toThrow();
    pool.release(a);
    expect(() => pool.release(a)).toThrow(); // already released
  });

  it("drain() destroys idle resources and makes acquire() reject", async () => {
    const { pool, destroyed } = setup(2);
    const a = await pool.acquire();
    const b = await pool.acquire();
    pool.release(a);
    pool.release(b);
    await pool.drain();
    expect(destroyed.sort()).toEqual([1, 2]);
    expect(pool.size).toBe(0);
    await expect(pool.acquire()).rejects.toThrow(PoolDrainedError);
  });
});
