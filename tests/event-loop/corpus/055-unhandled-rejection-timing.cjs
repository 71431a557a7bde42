// 'unhandledRejection' is emitted after the nextTick and microtask queues have drained (a catch added
// in a microtask is still in time), and before any timer runs.
process.on("unhandledRejection", (reason, promise) => {
  console.log("unhandledRejection:", reason.message, promise instanceof Promise);
});
const late = Promise.reject(new Error("caught in a microtask"));
Promise.resolve().then(() => late.catch(() => console.log("late catch ran")));
Promise.reject(new Error("never caught"));
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
setTimeout(() => console.log("timeout"), 0);
console.log("sync end");
