// A nextTick scheduled from a promise callback waits until the whole microtask queue is empty,
// including promise callbacks queued after it.
Promise.resolve()
  .then(() => {
    console.log("then 1");
    process.nextTick(() => console.log("nextTick from then 1"));
  })
  .then(() => console.log("then 2"))
  .then(() => console.log("then 3"));
Promise.resolve().then(() => console.log("other chain"));
