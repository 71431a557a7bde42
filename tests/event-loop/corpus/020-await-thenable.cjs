// Awaiting a non-native thenable costs two extra turns: one to call its then(), one for the callback.
const thenable = {
  then(resolve) {
    console.log("thenable.then called");
    resolve("thenable value");
  },
};
async function f() {
  const v = await thenable;
  console.log("after await:", v);
}
f();
Promise.resolve()
  .then(() => console.log("tick 1"))
  .then(() => console.log("tick 2"))
  .then(() => console.log("tick 3"))
  .then(() => console.log("tick 4"));
