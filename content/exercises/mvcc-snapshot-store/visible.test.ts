import { MvccStore, SerializationError, TransactionClosedError } from "./solution";

function seeded() {
  const db = new MvccStore<number>();
  const setup = db.begin();
  setup.put("alice", 100);
  setup.put("bob", 50);
  setup.commit();
  return db;
}

describe("MvccStore", () => {
  it("reads its own writes, and nobody else sees them before commit", () => {
    const db = seeded();
    const t1 = db.begin();
    const t2 = db.begin();
    t1.put("alice", 90);
    expect(t1.get("alice")).toBe(90);
    expect(t2.get("alice")).toBe(100);
    t1.delete("bob");
    expect(t1.get("bob")).toBeUndefined();
    t1.commit();
    expect(db.begin().get("alice")).toBe(90);
  });

  it("keeps reading its snapshot after another transaction commits", () => {
    const db = seeded();
    const report = db.begin();
    const writer = db.begin();
    writer.put("alice", 0);
    writer.commit();
    expect(report.get("alice")).toBe(100);
    expect(db.begin().get("alice")).toBe(0);
  });

  it("lets the first committer win a write-write conflict", () => {
    const db = seeded();
    const t1 = db.begin();
    const t2 = db.begin();
    t1.put("alice", 90);
    t2.put("alice", 80);
    t1.commit();
    expect(() => t2.commit()).toThrow(SerializationError);
    expect(t2.status).toBe("aborted");
    expect(db.begin().get("alice")).toBe(90);
  });

  it("refuses any call on a transaction that is no longer active", () => {
    const db = seeded();
    const tx = db.begin();
    tx.commit();
    expect(tx.status).toBe("committed");
    expect(() => tx.get("alice")).toThrow(TransactionClosedError);
    expect(() => tx.abort()).toThrow(TransactionClosedError);
  });

  it("vacuums the old versions once no transaction can read them", () => {
    const db = seeded();
    const report = db.begin();
    const writer = db.begin();
    writer.put("alice", 90);
    writer.commit();
    expect(db.versionCount("alice")).toBe(2);
    expect(db.vacuum()).toBe(0); // report still reads alice@1
    report.commit();
    expect(db.vacuum()).toBe(1);
    expect(db.versionCount("alice")).toBe(1);
    expect(db.begin().get("alice")).toBe(90);
  });
});
