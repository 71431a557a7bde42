// timers/promises: setTimeout and setImmediate as promises that resolve with the given value.
const { setTimeout: sleep, setImmediate: nextIteration } = require("timers/promises");
async function main() {
  const a = await sleep(5, "slept 5");
  console.log(a);
  const order = [];
  await Promise.all([
    sleep(15).then(() => order.push("sleep 15")),
    nextIteration("immediate").then((v) => order.push(v)),
    sleep(5).then(() => order.push("sleep 5")),
  ]);
  console.log(order.join(", "));
}
main();
