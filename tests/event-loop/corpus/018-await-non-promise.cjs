// `await 42` still suspends: the rest of the async function runs as a microtask, after the caller's
// synchronous code and in turn with other promise callbacks.
async function f() {
  console.log("f start");
  const v = await 42;
  console.log("f after await", v);
}
f();
Promise.resolve().then(() => console.log("then A")).then(() => console.log("then B"));
console.log("main end");
