import { FakeClock } from "./solution";

describe("FakeClock", () => {
  it("runs a timeout only when time reaches its due time", () => {
    const clock = new FakeClock();
    const log: string[] = [];
    clock.setTimeout(() => log.push(`a@${clock.now()}`), 100);
    expect(clock.tick(99)).toBe(99);
    expect(log).toEqual([]);
    expect(clock.tick(1)).toBe(100);
    expect(log).toEqual(["a@100"]);
    expect(clock.countTimers()).toBe(0);
  });

  it("runs timers by due time, then by id, including ones scheduled during the tick", () => {
    const clock = new FakeClock({ now: 1000 });
    const log: string[] = [];
    clock.setTimeout(() => log.push(`a@${clock.now()}`), 50);
    const b = clock.setInterval((tag: string) => log.push(`${tag}@${clock.now()}`), 20, "b");
    clock.setTimeout(() => {
      log.push(`c@${clock.now()}`);
      clock.setTimeout(() => log.push(`d@${clock.now()}`), 0);
    }, 40);
    expect(clock.tick(50)).toBe(1050);
    expect(log).toEqual(["b@1020", "b@1040", "c@1040", "d@1040", "a@1050"]);
    expect(clock.countTimers()).toBe(1);
    clock.clearInterval(b);
    expect(clock.countTimers()).toBe(0);
  });

  it("numbers timers 1, 2, 3 across both kinds, and never runs a cleared one", () => {
    const clock = new FakeClock();
    const log: number[] = [];
    const ids = [clock.setTimeout(() => log.push(1), 10), clock.setInterval(() => log.push(2), 10), clock.setTimeout(() => log.push(3), 10)];
    expect(ids).toEqual([1, 2, 3]);
    clock.clearTimeout(ids[0]);
    clock.tick(10);
    expect(log).toEqual([2, 3]);
  });

  it("next() runs only the earliest timer and moves the clock to it", () => {
    const clock = new FakeClock();
    const log: string[] = [];
    clock.setTimeout(() => log.push("late"), 30);
    clock.setTimeout(() => log.push("early"), 10);
    expect(clock.next()).toBe(10);
    expect(log).toEqual(["early"]);
    expect(clock.next()).toBe(30);
    expect(clock.next()).toBe(30);
  });

  it("runAll() stops an endless interval with an error after loopLimit timers", () => {
    const clock = new FakeClock({ loopLimit: 5 });
    clock.setInterval(() => {}, 0);
    expect(() => clock.runAll()).toThrow("Aborting after running 5 timers, assuming an infinite loop!");
    expect(clock.now()).toBe(5);
  });
});
