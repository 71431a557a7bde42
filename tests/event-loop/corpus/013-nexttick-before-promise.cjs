// In a CommonJS main module, once the script finishes the nextTick queue drains before promise
// microtasks, whatever order they were scheduled in.
Promise.resolve().then(() => console.log("promise 1"));
process.nextTick(() => console.log("nextTick 1"));
Promise.resolve().then(() => console.log("promise 2"));
process.nextTick(() => console.log("nextTick 2"));
console.log("sync");
