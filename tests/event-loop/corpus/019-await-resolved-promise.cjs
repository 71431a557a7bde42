// Awaiting an already resolved native promise costs exactly one microtask turn, the same as awaiting
// a plain value.
async function awaitsPromise() {
  await Promise.resolve();
  console.log("after await Promise.resolve()");
}
async function awaitsValue() {
  await undefined;
  console.log("after await undefined");
}
const p = Promise.resolve();
p.then(() => console.log("tick 1")).then(() => console.log("tick 2")).then(() => console.log("tick 3"));
awaitsPromise();
awaitsValue();
