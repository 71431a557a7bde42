// events.once() returns a promise for the next emit's arguments; it rejects if 'error' comes first.
const { EventEmitter, once } = require("events");
async function main() {
  const e = new EventEmitter();
  setTimeout(() => e.emit("message", "hello", 7), 5);
  const args = await once(e, "message");
  console.log("got:", args.join(" "));
  const f = new EventEmitter();
  setTimeout(() => f.emit("error", new Error("broken")), 5);
  try {
    await once(f, "message");
  } catch (err) {
    console.log("rejected:", err.message);
  }
  console.log("listeners left:", f.listenerCount("message"), f.listenerCount("error"));
}
main();
