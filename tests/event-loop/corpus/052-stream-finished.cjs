// stream.finished reports the end of a stream once, including premature close.
const { finished, Readable, PassThrough } = require("stream");
const r = Readable.from(["a"]);
finished(r, (err) => console.log("readable finished, err:", err ? err.code : null));
r.resume();
const p = new PassThrough();
finished(p, (err) => console.log("passthrough finished, err:", err ? err.code : null));
p.write("half");
p.destroy();
console.log("sync end");
