// fs.readFile(__filename) returns the program's own source text.
// This second line is read back too.
const fs = require("fs");
fs.readFile(__filename, (err, data) => {
  const lines = data.toString("utf8").split("\n");
  console.log("Buffer:", Buffer.isBuffer(data));
  console.log("line 1:", lines[0]);
  console.log("line 2:", lines[1]);
  console.log("mentions readFile:", lines.some((l) => l.includes("fs.readFile(__filename")));
});
