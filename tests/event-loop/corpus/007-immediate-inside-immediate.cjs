// An immediate scheduled while the check phase runs waits for the next loop iteration: the immediates
// already queued run first.
setImmediate(() => {
  console.log("immediate 1");
  setImmediate(() => console.log("immediate 1 -> nested"));
});
setImmediate(() => {
  console.log("immediate 2");
  setImmediate(() => console.log("immediate 2 -> nested"));
});
setImmediate(() => console.log("immediate 3"));
