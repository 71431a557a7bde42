// emit() calls listeners synchronously, in registration order, before it returns.
const { EventEmitter } = require("events");
const e = new EventEmitter();
e.on("greet", (name) => console.log("listener 1:", name));
e.on("greet", (name) => console.log("listener 2:", name));
e.prependListener("greet", (name) => console.log("prepended:", name));
console.log("before emit");
const had = e.emit("greet", "ada");
console.log("after emit, had listeners:", had);
console.log("emit without listeners:", e.emit("nobody"));
console.log("count:", e.listenerCount("greet"), "names:", e.eventNames().join(","));
