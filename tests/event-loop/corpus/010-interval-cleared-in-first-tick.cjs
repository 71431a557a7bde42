// clearInterval inside the callback stops the interval even on the first tick; clearTimeout also
// clears an interval.
const first = setInterval(() => {
  console.log("first: runs once");
  clearInterval(first);
}, 2);
const second = setInterval(() => console.log("second: never runs"), 3);
clearTimeout(second);
setTimeout(() => console.log("done"), 20);
