// queueMicrotask and promise reactions share one FIFO queue; nextTick still goes first.
queueMicrotask(() => console.log("microtask 1"));
Promise.resolve().then(() => console.log("promise 1"));
queueMicrotask(() => {
  console.log("microtask 2");
  queueMicrotask(() => console.log("microtask 2 -> nested"));
  Promise.resolve().then(() => console.log("promise from microtask 2"));
});
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise 2"));
