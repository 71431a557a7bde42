// With pipe(), the readable's 'end' comes before the writable's 'finish', which comes before its 'close'.
const { PassThrough, Readable, Writable } = require("stream");
const source = Readable.from(["1", "2"]);
const middle = new PassThrough();
const sink = new Writable({
  write(chunk, _enc, cb) {
    console.log("sink write", chunk.toString());
    cb();
  },
});
source.on("end", () => console.log("source end"));
middle.on("end", () => console.log("middle end"));
middle.on("finish", () => console.log("middle finish"));
sink.on("finish", () => console.log("sink finish"));
sink.on("close", () => console.log("sink close"));
source.pipe(middle).pipe(sink);
