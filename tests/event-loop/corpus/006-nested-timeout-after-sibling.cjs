// A setTimeout(0) scheduled inside a timer callback waits for a later timers phase, so it comes after
// the sibling timers that were already due.
setTimeout(() => {
  console.log("outer A");
  setTimeout(() => console.log("nested in A"), 0);
}, 0);
setTimeout(() => {
  console.log("outer B");
  setTimeout(() => console.log("nested in B"), 0);
}, 0);
setTimeout(() => console.log("outer C"), 0);
