// setTimeout(fn, 0) and setTimeout(fn) are treated as 1 ms, so they share the 1 ms list with
// setTimeout(fn, 1): creation order decides.
setTimeout(() => console.log("1 ms"), 1);
setTimeout(() => console.log("0 ms"), 0);
setTimeout(() => console.log("no delay"));
setTimeout(() => console.log("1 ms again"), 1);
