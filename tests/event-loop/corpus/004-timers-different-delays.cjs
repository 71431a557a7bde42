// Timers fire by expiry time, not by creation order; equal expiries keep creation order.
setTimeout(() => console.log("30 ms"), 30);
setTimeout(() => console.log("10 ms"), 10);
setTimeout(() => console.log("20 ms (first)"), 20);
setTimeout(() => console.log("1 ms"), 1);
setTimeout(() => console.log("20 ms (second)"), 20);
console.log("main done");
