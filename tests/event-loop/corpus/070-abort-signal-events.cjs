// abort() dispatches the 'abort' event synchronously, once; reason defaults to an AbortError
// DOMException and can be any value.
const controller = new AbortController();
const { signal } = controller;
signal.addEventListener("abort", () => console.log("listener, aborted:", signal.aborted));
signal.onabort = () => console.log("onabort");
console.log("before abort:", signal.aborted);
controller.abort();
console.log("after abort, reason:", signal.reason.name);
controller.abort();
console.log("second abort is a no-op");
const c2 = new AbortController();
c2.abort("custom reason");
console.log("custom:", c2.signal.reason);
try {
  c2.signal.throwIfAborted();
} catch (e) {
  console.log("throwIfAborted threw:", e);
}
const pre = AbortSignal.abort();
console.log("AbortSignal.abort():", pre.aborted);
