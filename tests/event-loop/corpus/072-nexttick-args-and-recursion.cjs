// nextTick passes extra arguments; a recursive nextTick chain runs to completion before promises and
// immediates (it could starve the loop, which is why a bounded count is used here).
process.nextTick((a, b) => console.log("args:", a, b), "x", 2);
let n = 0;
function again() {
  n += 1;
  if (n < 4) process.nextTick(again);
  else console.log("recursion done at", n);
}
process.nextTick(again);
Promise.resolve().then(() => console.log("promise after", n, "ticks"));
setImmediate(() => console.log("immediate"));
