// setTimeout(0) against setImmediate scheduled from the main module: which one runs first depends on
// whether the loop's first timers phase already sees the 1 ms timer as due.
// nondeterministic: in real Node the order depends on how long process start-up took (loop time vs 1 ms)
setTimeout(() => console.log("timeout"), 0);
setImmediate(() => console.log("immediate"));
console.log("main");
