const { Readable, Writable } = require("stream");

const source = new Readable({ read() {} });
const sink = new Writable({
  write(chunk, _encoding, done) {
    console.log(`write ${chunk}`);
    setImmediate(done); // a slow destination: each chunk is done in the check phase
  },
});

source.on("data", (chunk) => console.log(`data ${chunk}`));
source.on("end", () => console.log("source end"));
sink.on("finish", () => console.log("sink finish"));
source.pipe(sink);

source.push("a");
source.push("b");
source.push(null);

process.nextTick(() => console.log("nextTick from script"));
Promise.resolve().then(() => console.log("promise from script"));
console.log("script end");
