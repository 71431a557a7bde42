// destroy(err) emits 'error' and then 'close' asynchronously; later writes fail with
// ERR_STREAM_DESTROYED and the stream reports errored/destroyed.
const { Writable } = require("stream");
const w = new Writable({ write: (_c, _e, cb) => cb() });
w.on("error", (err) => console.log("error:", err.message));
w.on("close", () => console.log("close, destroyed:", w.destroyed));
w.destroy(new Error("disk full"));
console.log("destroy() returned, destroyed:", w.destroyed);
w.write("late", (err) => console.log("write callback:", err && err.code));
process.nextTick(() => console.log("nextTick after destroy"));
