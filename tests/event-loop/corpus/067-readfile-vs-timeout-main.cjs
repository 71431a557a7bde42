// Real I/O against a timer: a readFile started in the main module usually needs several loop
// iterations (open, stat, read, close), so the zero timeout tends to win, but nothing guarantees it.
// nondeterministic: real I/O completion time against a 1 ms timer depends on the thread pool and the disk
const fs = require("fs");
fs.readFile(__filename, () => console.log("readFile done"));
setTimeout(() => console.log("timeout 0"), 0);
console.log("main");
