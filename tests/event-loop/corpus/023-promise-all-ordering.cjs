// Promise.all keeps input order in its result whatever the settle order, and rejects with the first
// rejection in time.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
Promise.all([delay(20, "slow"), delay(5, "fast"), "plain", Promise.resolve("resolved")]).then((values) =>
  console.log("all:", values.join(",")),
);
Promise.all([
  delay(10, "ok"),
  new Promise((_, reject) => setTimeout(() => reject(new Error("second")), 15)),
  new Promise((_, reject) => setTimeout(() => reject(new Error("first")), 8)),
]).catch((e) => console.log("all rejected:", e.message));
Promise.all([]).then((v) => console.log("empty all:", v.length));
