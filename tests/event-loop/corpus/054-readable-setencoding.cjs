// setEncoding turns Buffer chunks into strings; a multi-byte character split across two pushes is
// kept whole.
const { Readable } = require("stream");
const r = new Readable({ read() {} });
r.setEncoding("utf8");
const euro = Buffer.from("€");
r.push(Buffer.concat([Buffer.from("price: "), euro.subarray(0, 1)]));
r.push(euro.subarray(1));
r.push(null);
let text = "";
r.on("data", (s) => {
  console.log("chunk type:", typeof s, "length:", s.length);
  text += s;
});
r.on("end", () => console.log("text:", text));
