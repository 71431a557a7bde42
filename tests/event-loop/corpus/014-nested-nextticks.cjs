// A nextTick scheduled from a nextTick callback joins the same queue and still runs before any
// promise callback.
Promise.resolve().then(() => console.log("promise"));
process.nextTick(() => {
  console.log("tick A");
  process.nextTick(() => {
    console.log("tick A.1");
    process.nextTick(() => console.log("tick A.1.1"));
  });
});
process.nextTick(() => console.log("tick B"));
