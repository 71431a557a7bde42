// How late the host's own timers fire while sandbox jobs run: the host must stay responsive
// whatever the code in the sandbox does.
export function watchEventLoopLag(intervalMs = 20): { max: () => number; stop: () => void } {
  let max = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - intervalMs);
    last = now;
  }, intervalMs);
  return { max: () => max, stop: () => clearInterval(timer) };
}
