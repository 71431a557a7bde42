// once() listeners are removed before they are called, so a re-entrant emit does not call them twice.
const { EventEmitter } = require("events");
const e = new EventEmitter();
e.once("ping", (n) => {
  console.log("once got", n);
  e.emit("ping", n + 1);
});
e.on("ping", (n) => console.log("on got", n));
e.emit("ping", 1);
e.emit("ping", 10);
console.log("listeners left:", e.listenerCount("ping"));
const handler = () => console.log("never");
e.once("x", handler);
e.off("x", handler);
console.log("once removed by off:", e.emit("x"));
