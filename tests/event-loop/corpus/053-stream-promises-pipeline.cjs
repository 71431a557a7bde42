// stream/promises pipeline accepts async generator functions as transforms and resolves when the
// destination finishes.
const { pipeline } = require("stream/promises");
const { Readable, Writable } = require("stream");
async function main() {
  const out = [];
  await pipeline(
    Readable.from(["a", "b", "c"]),
    async function* (source) {
      for await (const chunk of source) yield chunk.toUpperCase();
    },
    new Writable({
      objectMode: true,
      write(chunk, _enc, cb) {
        out.push(chunk);
        cb();
      },
    }),
  );
  console.log("pipeline resolved:", out.join(""));
  try {
    await pipeline(Readable.from(["x"]), async function* (source) {
      for await (const chunk of source) throw new Error("cannot handle " + chunk);
    });
  } catch (err) {
    console.log("pipeline rejected:", err.message);
  }
}
main();
