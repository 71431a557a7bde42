// A Writable calls write() callbacks as chunks are processed; end() leads to 'finish' after the last
// callback, then 'close'.
const { Writable } = require("stream");
const w = new Writable({
  write(chunk, _encoding, callback) {
    console.log("_write:", chunk.toString());
    callback();
  },
});
w.on("finish", () => console.log("finish"));
w.on("close", () => console.log("close"));
w.write("one", () => console.log("write callback one"));
w.write("two", () => console.log("write callback two"));
w.end("three", () => console.log("end callback"));
console.log("end() returned");
