// events.on() turns an emitter into an async iterator; emits that happen before the consumer reads
// are buffered in order.
const { EventEmitter, on } = require("events");
const e = new EventEmitter();
const controller = new AbortController();
async function consume() {
  try {
    for await (const [value] of on(e, "item", { signal: controller.signal })) {
      console.log("consumed", value);
      if (value === 3) controller.abort();
    }
  } catch (err) {
    console.log("iteration ended:", err.name);
  }
}
consume();
e.emit("item", 1);
e.emit("item", 2);
setTimeout(() => {
  e.emit("item", 3);
  e.emit("item", 4);
}, 1);
console.log("emitted 1 and 2");
