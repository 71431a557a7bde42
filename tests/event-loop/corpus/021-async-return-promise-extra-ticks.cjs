// An async function that returns a promise resolves two turns later than one that returns a value
// (the returned promise is adopted through a then() job).
async function returnsValue() {
  return "value";
}
async function returnsPromise() {
  return Promise.resolve("promise");
}
async function returnsAwaited() {
  return await Promise.resolve("awaited");
}
returnsPromise().then((v) => console.log("resolved:", v));
returnsAwaited().then((v) => console.log("resolved:", v));
returnsValue().then((v) => console.log("resolved:", v));
Promise.resolve()
  .then(() => console.log("tick 1"))
  .then(() => console.log("tick 2"))
  .then(() => console.log("tick 3"))
  .then(() => console.log("tick 4"));
