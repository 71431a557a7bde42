// An AbortSignal cancels a timers/promises sleep: the promise rejects with an AbortError and the
// timer never fires.
const { setTimeout: sleep } = require("timers/promises");
const controller = new AbortController();
sleep(50, "late", { signal: controller.signal })
  .then((v) => console.log("resolved (never):", v))
  .catch((err) => console.log("rejected:", err.name, err.code));
setTimeout(() => {
  console.log("aborting");
  controller.abort();
}, 5);
sleep(20, "other sleep").then((v) => console.log(v));
