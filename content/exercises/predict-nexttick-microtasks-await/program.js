async function load(name) {
  console.log(`load ${name}: start`);
  await null;
  console.log(`load ${name}: after first await`);
  process.nextTick(() => console.log(`load ${name}: nextTick`));
  await Promise.resolve();
  console.log(`load ${name}: done`);
  return name;
}

console.log("script start");
setTimeout(() => console.log("timeout"), 0);
load("a").then((value) => console.log(`then: ${value}`));
queueMicrotask(() => console.log("queueMicrotask"));
process.nextTick(() => {
  console.log("nextTick 1");
  Promise.resolve().then(() => console.log("promise from nextTick 1"));
  process.nextTick(() => console.log("nextTick 2"));
});
load("b");
console.log("script end");
