// With an 'uncaughtException' listener, an error thrown in a timer is reported and the loop carries
// on: the nextTick queued before the throw, the immediate and the later timer all still run.
process.on("uncaughtException", (err, origin) => console.log("uncaughtException:", err.message, origin));
setTimeout(() => {
  process.nextTick(() => console.log("nextTick queued before the throw"));
  setImmediate(() => console.log("immediate queued before the throw"));
  throw new Error("timer failed");
}, 1);
setTimeout(() => console.log("later timer still runs"), 20);
