// await continuations are microtasks: a nextTick queued after an await still runs before them when
// scheduled from the main script, and after them when scheduled from a microtask.
async function main() {
  console.log("main start");
  process.nextTick(() => console.log("nextTick from main (sync part)"));
  await null;
  console.log("after first await");
  process.nextTick(() => console.log("nextTick after first await"));
  await null;
  console.log("after second await");
}
main().then(() => console.log("main resolved"));
console.log("script end");
