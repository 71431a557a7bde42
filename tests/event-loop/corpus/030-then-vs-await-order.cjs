// Chaining .then() on a promise and awaiting it queue their reactions in registration order.
const p = new Promise((resolve) => setTimeout(() => resolve("v"), 1));
p.then(() => console.log("then 1"));
(async () => {
  await p;
  console.log("await");
})();
p.then(() => console.log("then 2"));
p.finally(() => console.log("finally"));
