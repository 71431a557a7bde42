// process.exit() ends at once: queued work is dropped and 'beforeExit' is not emitted, but 'exit'
// handlers still run, with the given code in process.exitCode.
process.on("beforeExit", () => console.log("beforeExit (never)"));
process.on("exit", (code) => console.log("exit with", code, "exitCode", process.exitCode));
setTimeout(() => console.log("timer (never)"), 0);
process.nextTick(() => console.log("nextTick still runs: it was queued before the promise"));
Promise.resolve().then(() => {
  console.log("promise runs, then exits");
  process.exitCode = 3;
  process.exit();
});
console.log("main end");
