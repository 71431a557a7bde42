// An unref'ed timer does not keep the process alive: it only fires if something else is still
// pending when it is due. ref() undoes unref().
setTimeout(() => console.log("unref'ed 5 ms (fires: the 20 ms timer keeps the loop alive)"), 5).unref();
setTimeout(() => console.log("unref'ed 1 s (never: nothing keeps the loop alive that long)"), 1000).unref();
const t = setTimeout(() => console.log("unref then ref: fires"), 30);
t.unref();
const refAfterUnref = t.hasRef();
t.ref();
setTimeout(() => console.log("20 ms"), 20);
process.on("exit", () => console.log("exit"));
console.log("hasRef after unref:", refAfterUnref, "after ref:", t.hasRef());
