// fs.promises: awaiting readFile and stat. Each await resumes in a microtask after the poll phase
// callback, so an immediate scheduled afterwards still beats a zero timeout.
const fs = require("fs");
async function main() {
  const text = await fs.promises.readFile(__filename, "utf8");
  console.log("first line:", text.split("\n")[0]);
  const stats = await fs.promises.stat(__filename);
  console.log("isFile:", stats.isFile(), "isDirectory:", stats.isDirectory());
  console.log("size matches:", stats.size === Buffer.byteLength(text));
  setTimeout(() => console.log("timeout after awaits"), 0);
  setImmediate(() => console.log("immediate after awaits"));
}
main().then(() => console.log("main resolved"));
console.log("main called");
