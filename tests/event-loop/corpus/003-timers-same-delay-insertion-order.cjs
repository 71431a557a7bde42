// Timers with the same delay that are scheduled together fire in the order they were created.
for (const name of ["a", "b", "c", "d"]) {
  setTimeout(() => console.log(name), 10);
}
setTimeout(() => console.log("zero-delay e"), 0);
setTimeout(() => console.log("one-ms f"), 1);
console.log("scheduled");
