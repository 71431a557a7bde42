// A flowing Readable emits 'data' per chunk, then 'end', then 'close'; none of them happen
// synchronously inside on('data').
const { Readable } = require("stream");
const r = new Readable({ read() {} });
r.push("a");
r.push("b");
r.push(null);
r.on("data", (chunk) => console.log("data:", chunk.toString()));
r.on("end", () => console.log("end"));
r.on("close", () => console.log("close"));
console.log("listeners attached");
process.nextTick(() => console.log("nextTick after attach"));
Promise.resolve().then(() => console.log("promise after attach"));
setImmediate(() => console.log("immediate"));
