// Resolving a promise with another promise takes two extra turns; Promise.resolve(p) returns p itself.
const inner = Promise.resolve("inner");
const wrapped = new Promise((resolve) => resolve(inner));
const same = Promise.resolve(inner);
console.log("Promise.resolve(p) === p:", same === inner);
wrapped.then(() => console.log("wrapped settled"));
same.then(() => console.log("same settled"));
Promise.resolve()
  .then(() => console.log("tick 1"))
  .then(() => console.log("tick 2"))
  .then(() => console.log("tick 3"));
