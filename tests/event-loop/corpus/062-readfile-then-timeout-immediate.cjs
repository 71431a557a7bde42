// The classic: inside an fs callback the immediate runs before the zero timeout (check comes right
// after poll); nextTick and promises run before both, and again after each of them.
const fs = require("fs");
fs.readFile(__filename, "utf8", (err, text) => {
  console.log("read ok:", err === null, typeof text);
  setTimeout(() => {
    console.log("timeout 0");
    process.nextTick(() => console.log("nextTick from timeout"));
  }, 0);
  setImmediate(() => {
    console.log("immediate");
    Promise.resolve().then(() => console.log("promise from immediate"));
  });
  Promise.resolve().then(() => console.log("promise"));
  process.nextTick(() => console.log("nextTick"));
});
