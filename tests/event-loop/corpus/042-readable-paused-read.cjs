// In paused mode, 'readable' signals buffered data and read() pulls it; 'end' follows the read()
// that empties the stream.
const { Readable } = require("stream");
const r = new Readable({ read() {} });
r.push("hello ");
r.push("world");
r.push(null);
r.on("readable", () => {
  let chunk;
  console.log("readable");
  while ((chunk = r.read()) !== null) console.log("read:", chunk.toString());
});
r.on("end", () => console.log("end"));
