// catch and finally handlers are ordinary reactions: each link of a chain costs one turn, and finally
// passes the rejection through.
Promise.reject(new Error("boom"))
  .finally(() => console.log("finally 1"))
  .catch((e) => console.log("catch after finally:", e.message))
  .then(() => console.log("then after catch"));
Promise.resolve()
  .then(() => console.log("tick 1"))
  .then(() => console.log("tick 2"))
  .then(() => console.log("tick 3"))
  .then(() => console.log("tick 4"))
  .then(() => console.log("tick 5"));
