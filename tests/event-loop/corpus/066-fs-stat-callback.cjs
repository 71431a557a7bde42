// fs.stat completes in the poll phase; its callback gets a Stats object.
const fs = require("fs");
fs.stat(__filename, (err, stats) => {
  console.log("err:", err, "isFile:", stats.isFile(), "size > 0:", stats.size > 0);
  process.nextTick(() => console.log("nextTick in stat callback"));
  setImmediate(() => console.log("immediate after stat"));
});
console.log("stat requested");
