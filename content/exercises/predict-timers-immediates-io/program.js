const fs = require("fs");

console.log("script start");

fs.readFile(__filename, () => {
  console.log("file read");
  setTimeout(() => console.log("timeout set in the I/O callback"), 0);
  setImmediate(() => {
    console.log("immediate set in the I/O callback");
    process.nextTick(() => console.log("nextTick set in that immediate"));
  });
  process.nextTick(() => console.log("nextTick set in the I/O callback"));
});

setImmediate(() => console.log("immediate set in the script"));
Promise.resolve().then(() => console.log("promise set in the script"));
process.nextTick(() => console.log("nextTick set in the script"));

console.log("script end");
