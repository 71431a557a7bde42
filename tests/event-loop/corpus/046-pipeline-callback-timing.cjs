// stream.pipeline calls its callback once, after the last stream finished, and with the error if any
// stream fails (destroying the others).
const { pipeline, Readable, Transform, Writable } = require("stream");
const collected = [];
pipeline(
  Readable.from(["x", "y", "z"]),
  new Transform({
    transform(chunk, _enc, cb) {
      cb(null, chunk + "!");
    },
  }),
  new Writable({
    write(chunk, _enc, cb) {
      collected.push(chunk.toString());
      cb();
    },
  }),
  (err) => console.log("pipeline 1 done, err:", err ? err.message : null, "got:", collected.join(" ")),
);
const failing = new Transform({
  transform(chunk, _enc, cb) {
    if (chunk.toString() === "bad") cb(new Error("bad chunk"));
    else cb(null, chunk);
  },
});
const sink = new Writable({ write: (_c, _e, cb) => cb() });
sink.on("close", () => console.log("sink closed, destroyed:", sink.destroyed));
pipeline(Readable.from(["good", "bad", "never"]), failing, sink, (err) => console.log("pipeline 2 done, err:", err.message));
console.log("pipelines started");
