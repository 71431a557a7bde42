// The queues also drain after every immediate callback; a nextTick scheduled from a promise inside an
// immediate still runs before the next immediate.
setImmediate(() => {
  console.log("immediate 1");
  Promise.resolve().then(() => {
    console.log("  promise from immediate 1");
    process.nextTick(() => console.log("  nextTick from that promise"));
  });
});
setImmediate(() => console.log("immediate 2"));
