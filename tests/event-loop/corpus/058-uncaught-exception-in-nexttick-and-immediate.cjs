// Errors thrown from a nextTick or an immediate also reach 'uncaughtException'; the remaining
// callbacks of those queues still run.
process.on("uncaughtException", (err) => console.log("caught globally:", err.message));
process.nextTick(() => {
  throw new Error("tick 1 failed");
});
process.nextTick(() => console.log("tick 2 runs"));
setImmediate(() => {
  throw new Error("immediate 1 failed");
});
setImmediate(() => console.log("immediate 2 runs"));
