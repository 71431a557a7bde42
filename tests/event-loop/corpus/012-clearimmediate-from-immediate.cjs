// An immediate can cancel a later immediate of the same check phase.
let second;
setImmediate(() => {
  console.log("first clears second");
  clearImmediate(second);
});
second = setImmediate(() => console.log("second (never)"));
setImmediate(() => console.log("third"));
