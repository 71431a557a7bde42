// In object mode each push is one chunk of any JavaScript value, and highWaterMark counts objects.
const { Readable, Writable } = require("stream");
const source = new Readable({
  objectMode: true,
  read() {
    this.push({ id: 1, ok: true });
    this.push({ id: 2, ok: false });
    this.push(null);
  },
});
const sink = new Writable({
  objectMode: true,
  highWaterMark: 1,
  write(obj, _enc, cb) {
    console.log("sink got", JSON.stringify(obj));
    cb();
  },
});
console.log("objectMode:", source.readableObjectMode, sink.writableObjectMode, "hwm:", sink.writableHighWaterMark);
source.pipe(sink);
sink.on("finish", () => console.log("sink finish"));
