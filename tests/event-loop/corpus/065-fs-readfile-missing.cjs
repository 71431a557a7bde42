// A failed read reports an error with code ENOENT through the callback (and rejects the promise).
const fs = require("fs");
fs.readFile(__filename + ".missing", (err, data) => {
  console.log("callback error code:", err.code, "data:", data);
  fs.promises.readFile(__filename + ".missing").catch((e) => console.log("promise rejected:", e.code));
});
