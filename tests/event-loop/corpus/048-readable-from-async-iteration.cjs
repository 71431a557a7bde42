// Readable.from wraps an (async) iterable; for await...of consumes any Readable chunk by chunk.
const { Readable } = require("stream");
async function* numbers() {
  for (let i = 1; i <= 3; i++) {
    console.log("generator yields", i);
    yield i;
  }
  console.log("generator finished");
}
async function main() {
  for await (const n of Readable.from(numbers())) console.log("consumer got", n);
  console.log("loop done");
  const chunks = [];
  for await (const c of Readable.from(["p", "q"])) chunks.push(c);
  console.log("strings stay strings:", chunks.join("+"), typeof chunks[0]);
}
main().then(() => console.log("main resolved"));
