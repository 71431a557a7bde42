// Async listeners: emit() does not wait for them; their rejections are ordinary unhandled rejections
// unless captured.
const { EventEmitter } = require("events");
process.on("unhandledRejection", (reason) => console.log("unhandledRejection:", reason.message));
const e = new EventEmitter();
e.on("save", async (doc) => {
  console.log("saving", doc);
  await null;
  throw new Error("save failed for " + doc);
});
e.on("save", (doc) => console.log("second listener", doc));
console.log("emit returned", e.emit("save", "doc-1"));
const captured = new EventEmitter({ captureRejections: true });
captured.on("save", async () => {
  throw new Error("captured");
});
captured.on("error", (err) => console.log("error event:", err.message));
captured.emit("save");
