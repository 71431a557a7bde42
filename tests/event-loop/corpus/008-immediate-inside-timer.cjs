// From a timer callback, the check phase of the same iteration comes before the next timers phase,
// so setImmediate beats setTimeout(0).
setTimeout(() => {
  console.log("timer");
  setTimeout(() => console.log("timeout from timer"), 0);
  setImmediate(() => console.log("immediate from timer"));
  process.nextTick(() => console.log("nextTick from timer"));
}, 0);
