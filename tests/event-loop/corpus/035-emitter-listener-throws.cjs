// A listener that throws stops the emit: the exception reaches the emit() caller and later listeners
// of that emit are skipped.
const { EventEmitter } = require("events");
const e = new EventEmitter();
e.on("data", () => console.log("listener 1"));
e.on("data", () => {
  throw new Error("listener 2 failed");
});
e.on("data", () => console.log("listener 3"));
try {
  e.emit("data");
} catch (err) {
  console.log("caught:", err.message);
}
e.removeAllListeners("data");
e.on("data", () => console.log("fresh listener"));
e.emit("data");
