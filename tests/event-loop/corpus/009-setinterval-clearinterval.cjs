// setInterval repeats until clearInterval; after every tick the nextTick and microtask queues drain,
// and an immediate scheduled in a tick runs before the next tick.
let ticks = 0;
const interval = setInterval(() => {
  ticks += 1;
  console.log(`tick ${ticks}`);
  process.nextTick(() => console.log(`  nextTick after tick ${ticks}`));
  Promise.resolve().then(() => console.log(`  promise after tick ${ticks}`));
  setImmediate(() => console.log(`  immediate after tick ${ticks}`));
  if (ticks === 3) {
    clearInterval(interval);
    console.log("cleared");
  }
}, 5);
