// 'beforeExit' fires when the loop runs out of work; scheduling more work there keeps the process
// alive and 'beforeExit' fires again later. 'exit' fires once, last, with the exit code.
let rounds = 0;
process.on("beforeExit", (code) => {
  rounds += 1;
  console.log(`beforeExit #${rounds}, code ${code}`);
  if (rounds < 3) setTimeout(() => console.log(`timer from beforeExit #${rounds}`), 1);
});
process.on("exit", (code) => {
  console.log("exit, code", code);
  setTimeout(() => console.log("never: the loop is gone"), 0);
  process.nextTick(() => console.log("never either"));
});
setTimeout(() => console.log("main timer"), 1);
console.log("main end");
