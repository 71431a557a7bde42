// The classic bug: emitting from a constructor happens before anyone could listen; deferring the
// emit with process.nextTick lets the caller attach listeners first.
const { EventEmitter } = require("events");
class Eager extends EventEmitter {
  constructor() {
    super();
    this.emit("ready");
  }
}
class Deferred extends EventEmitter {
  constructor() {
    super();
    process.nextTick(() => this.emit("ready"));
  }
}
new Eager().on("ready", () => console.log("eager ready (never)"));
new Deferred().on("ready", () => console.log("deferred ready"));
console.log("constructed both");
