// A Writable whose _write completes later buffers the following writes and processes them one at a
// time, in order.
const { Writable } = require("stream");
const w = new Writable({
  write(chunk, _encoding, callback) {
    console.log("start", chunk.toString());
    setTimeout(() => {
      console.log("done", chunk.toString());
      callback();
    }, 5);
  },
});
w.on("finish", () => console.log("finish"));
for (const word of ["a", "b", "c"]) w.write(word);
w.end();
console.log("writableLength after end():", w.writableLength);
