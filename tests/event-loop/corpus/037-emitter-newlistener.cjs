// 'newListener' fires before the listener is added, 'removeListener' after it is removed.
const { EventEmitter } = require("events");
const e = new EventEmitter();
e.on("newListener", (event) => console.log("newListener:", event, "count now", e.listenerCount(event)));
e.on("removeListener", (event) => console.log("removeListener:", event, "count now", e.listenerCount(event)));
const f = () => {};
e.on("job", f);
e.once("job", () => console.log("once fired"));
e.emit("job");
e.off("job", f);
