// A rejection left unhandled inside a timer callback is reported right after that callback's
// microtasks, before the next timer of the same phase.
process.on("unhandledRejection", (reason) => console.log("unhandledRejection:", reason));
setTimeout(() => {
  console.log("timer 1");
  Promise.reject("from timer 1");
  process.nextTick(() => console.log("nextTick in timer 1"));
}, 1);
setTimeout(() => console.log("timer 2"), 1);
