// Two setImmediate chains take turns, one link per loop iteration each, while a recursive nextTick
// chain would finish before either starts.
function chain(name, links) {
  let n = 0;
  function link() {
    n += 1;
    console.log(`${name}${n}`);
    if (n < links) setImmediate(link);
  }
  setImmediate(link);
}
chain("A", 3);
chain("B", 2);
let ticks = 0;
function tick() {
  ticks += 1;
  if (ticks < 3) process.nextTick(tick);
  else console.log("nextTick chain done:", ticks);
}
process.nextTick(tick);
