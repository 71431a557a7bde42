// Since Node 11, the nextTick and microtask queues drain after every single timer callback, not once
// after the whole timers phase.
setTimeout(() => {
  console.log("timer 1");
  process.nextTick(() => console.log("  nextTick from timer 1"));
  Promise.resolve().then(() => console.log("  promise from timer 1"));
}, 0);
setTimeout(() => {
  console.log("timer 2");
  Promise.resolve().then(() => console.log("  promise from timer 2"));
  process.nextTick(() => console.log("  nextTick from timer 2"));
}, 0);
