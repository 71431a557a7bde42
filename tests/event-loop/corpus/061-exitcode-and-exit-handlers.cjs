// Several 'exit' listeners run in registration order; process.exitCode set during the run becomes
// the code passed to them.
process.on("exit", (code) => console.log("first exit listener, code", code));
process.on("exit", (code) => console.log("second exit listener, code", code));
setTimeout(() => {
  console.log("setting exitCode");
  process.exitCode = 0;
}, 2);
