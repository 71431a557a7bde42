// Promise.race settles with the first settlement; an already resolved entry wins over pending ones,
// and earlier array position wins among already settled ones.
const delay = (ms, v) => new Promise((resolve) => setTimeout(() => resolve(v), ms));
Promise.race([delay(10, "timer"), Promise.resolve("resolved"), "plain"]).then((v) => console.log("race 1:", v));
Promise.race(["plain first", Promise.resolve("resolved second")]).then((v) => console.log("race 2:", v));
Promise.race([delay(40, "slow"), delay(25, "fast")]).then((v) => console.log("race 3:", v));
Promise.race([
  delay(20, "late value"),
  new Promise((_, reject) => setTimeout(() => reject(new Error("early error")), 5)),
]).catch((e) => console.log("race 4 rejected:", e.message));
