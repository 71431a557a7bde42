// emit() works on a snapshot of the listener array: removing or adding listeners during an emit only
// affects the next emit.
const { EventEmitter } = require("events");
const e = new EventEmitter();
function b() {
  console.log("b");
}
e.on("tick", function a() {
  console.log("a (removes b, adds d)");
  e.off("tick", b);
  e.on("tick", () => console.log("d"));
});
e.on("tick", b);
e.on("tick", () => console.log("c"));
console.log("-- first emit");
e.emit("tick");
console.log("-- second emit");
e.emit("tick");
