// Inside an I/O callback (poll phase) the check phase comes next, so setImmediate always runs
// before a setTimeout(0) scheduled at the same moment.
const fs = require("fs");
fs.readFile(__filename, () => {
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  console.log("readFile callback");
});
console.log("main");
