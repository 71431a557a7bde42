// Extra setTimeout/setImmediate arguments are passed to the callback; a cleared timer never fires,
// even when it is cleared by an earlier timer of the same list.
let late;
setTimeout((a, b) => {
  console.log("args", a, b);
  clearTimeout(late);
}, 30, "x", 42);
late = setTimeout(() => console.log("never"), 30);
setImmediate((word) => console.log("immediate arg", word), "hello");
const cancelled = setImmediate(() => console.log("never either"));
clearImmediate(cancelled);
