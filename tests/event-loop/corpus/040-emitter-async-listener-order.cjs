// Listeners run synchronously, but what they schedule runs later: the emit's caller finishes first.
const { EventEmitter } = require("events");
const e = new EventEmitter();
e.on("job", (id) => {
  console.log(`listener start ${id}`);
  Promise.resolve().then(() => console.log(`listener promise ${id}`));
  setImmediate(() => console.log(`listener immediate ${id}`));
});
e.emit("job", 1);
e.emit("job", 2);
console.log("after emits");
