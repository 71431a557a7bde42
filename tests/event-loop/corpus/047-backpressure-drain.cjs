// write() returns false once the buffered size reaches highWaterMark; 'drain' fires when the buffer
// has emptied, and writing can resume.
const { Writable } = require("stream");
const w = new Writable({
  highWaterMark: 3,
  write(chunk, _enc, cb) {
    setImmediate(() => {
      console.log("wrote", chunk.toString());
      cb();
    });
  },
});
console.log("write a:", w.write("a"));
console.log("write b:", w.write("b"));
console.log("write c:", w.write("c"));
console.log("needDrain:", w.writableNeedDrain, "length:", w.writableLength);
w.once("drain", () => {
  console.log("drain, length:", w.writableLength);
  console.log("write d:", w.write("d"));
  w.end();
});
w.on("finish", () => console.log("finish"));
