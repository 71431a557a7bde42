import { describe, expect, it } from "vitest";
import { saveVersioned, type VersionedStore } from "./versioned.ts";

/** An in-memory table row with the same compare-and-set contract as the database stores. */
function memoryStore(onCompareAndSet?: () => void) {
  let row: { value: string; version: number; updatedAt: Date } | null = null;
  const store: VersionedStore<string> = {
    read: async () => row && { ...row },
    create: async (value) => {
      if (row) throw Object.assign(new Error("unique"), { code: "P2002" });
      row = { value, version: 1, updatedAt: new Date() };
      return { version: 1, updatedAt: row.updatedAt };
    },
    compareAndSet: async (value, baseVersion, updatedAt) => {
      if (!row || row.version !== baseVersion) return 0;
      row = { value, version: baseVersion + 1, updatedAt };
      onCompareAndSet?.();
      return 1;
    },
  };
  return { store, current: () => row };
}

describe("saveVersioned", () => {
  it("creates, updates from the stored version, and refuses a stale base with the stored text", async () => {
    const { store } = memoryStore();
    expect(await saveVersioned(store, "a", 0)).toMatchObject({ ok: true, version: 1 });
    expect(await saveVersioned(store, "b", 1)).toMatchObject({ ok: true, version: 2 });
    expect(await saveVersioned(store, "c", 1)).toMatchObject({ ok: false, conflict: { version: 2, value: "b" } });
    expect(await saveVersioned(store, "d", 0)).toMatchObject({ ok: false, conflict: { version: 2, value: "b" } });
  });

  it("answers with the version it wrote, even when another tab saves right after it", async () => {
    let otherTab: Promise<unknown> | undefined;
    const { store, current } = memoryStore(() => {
      // Another tab's save lands between this save's statement and its answer.
      otherTab ??= saveVersioned(store, "from the other tab", 2);
    });
    await saveVersioned(store, "first", 0);
    const mine = await saveVersioned(store, "mine", 1);
    await otherTab;
    expect(mine).toMatchObject({ ok: true, version: 2 });
    expect(current()).toMatchObject({ value: "from the other tab", version: 3 });
    // So this tab's next save, based on version 2, is a conflict instead of overwriting the other tab.
    expect(await saveVersioned(store, "mine, edited", 2)).toMatchObject({ ok: false, conflict: { value: "from the other tab" } });
  });
});
