// An 'error' event with a listener is an ordinary event; without one, emit throws the error itself.
const { EventEmitter } = require("events");
const withListener = new EventEmitter();
withListener.on("error", (err) => console.log("handled:", err.message));
withListener.emit("error", new Error("first"));
const bare = new EventEmitter();
try {
  bare.emit("error", new Error("second"));
} catch (err) {
  console.log("thrown by emit:", err.message);
}
try {
  bare.emit("error", "not an error object");
} catch (err) {
  console.log("wrapped:", err instanceof Error, err.code);
}
console.log("end");
