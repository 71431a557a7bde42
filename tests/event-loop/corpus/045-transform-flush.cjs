// A Transform's flush() runs after the last chunk is transformed and before 'end' on the readable
// side; it can push a final chunk.
const { Transform } = require("stream");
let count = 0;
const upper = new Transform({
  transform(chunk, _encoding, callback) {
    count += 1;
    callback(null, chunk.toString().toUpperCase());
  },
  flush(callback) {
    console.log("flush after", count, "chunks");
    this.push("[done]");
    callback();
  },
});
upper.on("data", (d) => console.log("data:", d.toString()));
upper.on("finish", () => console.log("finish (writable side)"));
upper.on("end", () => console.log("end (readable side)"));
upper.write("abc");
upper.write("def");
upper.end();
