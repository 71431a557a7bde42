import fc from "fast-check";
import { mapWithConcurrency } from "./solution";

/** Small deterministic PRNG (mulberry32) returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lets pending promise callbacks run (no time passes). */
async function flush(): Promise<void> {
  for (let i = 0; i < 50; i++) await Promise.resolve();
}

/** Observes a promise without awaiting it. */
function observe<T>(promise: Promise<T>) {
  const state = { settled: false, value: undefined as T | undefined, error: undefined as unknown, rejected: false };
  promise.then(
    (value) => {
      state.settled = true;
      state.value = value;
    },
    (error: unknown) => {
      state.settled = true;
      state.rejected = true;
      state.error = error;
    },
  );
  return state;
}

/**
 * Each call takes `durations[index]` virtual ms; `failAt` maps an index to the error it rejects
 * with (after its duration).
 */
function tracked(durations: readonly number[], failAt: ReadonlyMap<number, Error> = new Map()) {
  const state = { inFlight: 0, maxInFlight: 0, started: [] as number[], finished: [] as number[] };
  const run = (item: number, index: number) =>
    new Promise<{ item: number; index: number }>((resolve, reject) => {
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      state.started.push(index);
      setTimeout(() => {
        state.inFlight--;
        state.finished.push(index);
        const error = failAt.get(index);
        if (error) reject(error);
        else resolve({ item, index });
      }, durations[index] ?? 0);
    });
  return { state, run };
}

describe("mapWithConcurrency: ordering", () => {
  it("keeps input order for 60 items with random durations, including undefined results", async () => {
    const random = prng(7);
    const durations = Array.from({ length: 60 }, () => 1 + Math.floor(random() * 40));
    const items = durations.map((_, i) => i);
    const result = await mapWithConcurrency(items, 4, (item, index) =>
      new Promise<number | undefined>((resolve) => {
        setTimeout(() => resolve(item % 7 === 0 ? undefined : item * 10 + index), durations[index]);
      }),
    );
    expect(result).toStrictEqual(items.map((i) => (i % 7 === 0 ? undefined : i * 11)));
  });

  it("calls fn once per item with (item, index), starting in input order", async () => {
    const items = ["a", "b", "c", "d", "e", "f", "g"];
    const durations = [9, 2, 5, 1, 7, 3, 4];
    const calls: string[] = [];
    const result = await mapWithConcurrency(items, 3, (item, index) => {
      calls.push(`${item}${index}`);
      return new Promise<string>((resolve) => setTimeout(() => resolve(item.toUpperCase()), durations[index]));
    });
    expect(calls).toEqual(["a0", "b1", "c2", "d3", "e4", "f5", "g6"]);
    expect(result).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
  });
});

describe("mapWithConcurrency: concurrency", () => {
  it("starts the first `limit` calls before any time passes", async () => {
    const { state, run } = tracked([10, 10, 10, 10, 10]);
    const promise = mapWithConcurrency([0, 1, 2, 3, 4], 3, run);
    await flush();
    expect(state.started).toEqual([0, 1, 2]);
    await clock.runAllAsync();
    await promise;
  });

  it("keeps exactly min(limit, remaining) calls in flight at every millisecond (150 random items)", async () => {
    for (const [seed, limit] of [
      [1, 5],
      [2, 1],
      [3, 16],
    ] as const) {
      const random = prng(seed);
      const n = 150;
      const durations = Array.from({ length: n }, () => 1 + Math.floor(random() * 30));
      const { state, run } = tracked(durations);
      const outcome = observe(mapWithConcurrency(durations.map((_, i) => i), limit, run));
      await flush();
      let steps = 0;
      while (!outcome.settled && steps < 10_000) {
        expect(state.inFlight).toBe(Math.min(limit, n - state.finished.length));
        await clock.advanceAsync(1);
        await flush();
        steps++;
      }
      expect(outcome.settled).toBe(true);
      expect(outcome.rejected).toBe(false);
      expect(state.maxInFlight).toBe(Math.min(limit, n));
      expect(state.started).toEqual(durations.map((_, i) => i));
    }
  });

  it("finishes in the time of the optimal greedy schedule, not in batches", async () => {
    // limit 2: [50, 10, 10, 10, 10, 10] -> the short ones run one after another next to the long one.
    const durations = [50, 10, 10, 10, 10, 10];
    const { run } = tracked(durations);
    const start = clock.now();
    await mapWithConcurrency(durations.map((_, i) => i), 2, run);
    expect(clock.now() - start).toBe(50);
  });

  it("with a limit larger than the input, or Infinity, starts every call at once", async () => {
    for (const limit of [100, Infinity]) {
      const { state, run } = tracked([5, 5, 5, 5]);
      const promise = mapWithConcurrency([0, 1, 2, 3], limit, run);
      await flush();
      expect(state.inFlight).toBe(4);
      await clock.advanceAsync(5);
      const result = await promise;
      expect(result.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    }
  });

  it("works with fns that resolve immediately, on 3000 items", async () => {
    let running = 0;
    let maxRunning = 0;
    const items = Array.from({ length: 3000 }, (_, i) => i);
    const result = await mapWithConcurrency(items, 4, async (item) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await Promise.resolve();
      running--;
      return item * 2;
    });
    expect(result).toEqual(items.map((i) => i * 2));
    expect(maxRunning).toBe(4);
  });
});

describe("mapWithConcurrency: failures", () => {
  it("rejects as soon as a call fails, without waiting for the slower calls in flight", async () => {
    const boom = new Error("boom");
    const durations = [20, 5, 20, 20, 20, 20, 20, 20, 20, 20];
    const { run } = tracked(durations, new Map([[1, boom]]));
    const outcome = observe(mapWithConcurrency(durations.map((_, i) => i), 3, run));
    await flush();
    await clock.advanceAsync(4);
    await flush();
    expect(outcome.settled).toBe(false);
    await clock.advanceAsync(1); // t=5: item 1 rejects
    await flush();
    expect(outcome.rejected).toBe(true);
    expect(outcome.error).toBe(boom);
  });

  it("starts no further calls after the first failure, even when other calls finish later", async () => {
    const boom = new Error("boom");
    const durations = [20, 5, 20, 20, 20, 20, 20, 20, 20, 20];
    const { state, run } = tracked(durations, new Map([[1, boom]]));
    const outcome = observe(mapWithConcurrency(durations.map((_, i) => i), 3, run));
    await flush();
    await clock.advanceAsync(200);
    await flush();
    expect(outcome.error).toBe(boom);
    expect(state.started).toEqual([0, 1, 2]);
    expect(state.finished).toEqual([1, 0, 2]);
    expect(clock.pending()).toBe(0);
  });

  it("reports the error that happened first in time, and ignores later ones", async () => {
    const first = new Error("first in time");
    const later = new Error("later");
    const durations = [15, 5, 30];
    const { run } = tracked(
      durations,
      new Map([
        [0, later],
        [1, first],
        [2, later],
      ]),
    );
    const outcome = observe(mapWithConcurrency([0, 1, 2], 3, run));
    await flush();
    await clock.advanceAsync(100);
    await flush();
    expect(outcome.rejected).toBe(true);
    expect(outcome.error).toBe(first);
  });

  it("treats a synchronous throw from fn like a rejection", async () => {
    const bad = new TypeError("sync failure");
    const seen: number[] = [];
    const outcome = observe(
      mapWithConcurrency([1, 2, 3, 4], 1, (item: number): Promise<number> => {
        seen.push(item);
        if (item === 2) throw bad;
        return Promise.resolve(item);
      }),
    );
    await flush();
    expect(outcome.rejected).toBe(true);
    expect(outcome.error).toBe(bad);
    expect(seen).toEqual([1, 2]);
  });
});

describe("mapWithConcurrency: arguments", () => {
  it("rejects (never throws synchronously) with a RangeError for 0, -1, 1.5, NaN and -Infinity", async () => {
    for (const limit of [0, -1, 1.5, NaN, -Infinity]) {
      const f = fn(async (x: number) => x);
      let promise: Promise<number[]> | undefined;
      expect(() => {
        promise = mapWithConcurrency([1, 2], limit, f);
      }).not.toThrow();
      await expect(promise).rejects.toThrow(RangeError);
      expect(f).toHaveBeenCalledTimes(0);
    }
  });

  it("checks the limit even when there are no items", async () => {
    await expect(mapWithConcurrency([], 0, async (x: number) => x)).rejects.toThrow(RangeError);
  });

  it("resolves an empty input to [] without calling fn", async () => {
    const f = fn(async (x: number) => x);
    await expect(mapWithConcurrency([], 3, f)).resolves.toEqual([]);
    await expect(mapWithConcurrency([], Infinity, f)).resolves.toEqual([]);
    expect(f).toHaveBeenCalledTimes(0);
  });
});

describe("mapWithConcurrency: calls that settle at the same moment", () => {
  it("refills every slot freed when several calls settle in the same turn (e.g. behind one shared upstream reply)", async () => {
    let releaseUpstream!: () => void;
    const upstream = new Promise<void>((resolve) => {
      releaseUpstream = resolve;
    });
    const started: number[] = [];
    const result = observe(
      mapWithConcurrency([0, 1, 2, 3], 2, async (item) => {
        started.push(item);
        if (item < 2) await upstream; // items 0 and 1 wait on the same reply
        else await new Promise<void>((resolve) => setTimeout(resolve, 100));
        return item;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    releaseUpstream(); // both calls settle together: both slots must be refilled at once
    await flush();
    expect(started).toEqual([0, 1, 2, 3]);
    await clock.advanceAsync(100);
    await flush();
    expect(result.value).toEqual([0, 1, 2, 3]);
  });
});

/**
 * A schedule, as the learner sees it in a failure: each moment something happens, what ended,
 * what started and how the returned promise settled. Calls of the same duration that end at the same
 * time settle together (they wait on one shared timer), as calls behind one upstream reply would.
 */
interface Plan {
  limit: number;
  durations: number[];
  failure: { index: number; kind: "rejects" | "throws" } | undefined;
}

interface Moment {
  time: number;
  ended: string[];
  started: string[];
  settled: string;
}

function render(moments: Moment[]): string {
  return moments
    .filter((m) => m.ended.length + m.started.length > 0 || m.settled !== "")
    .map((m) => `t=${m.time}: ${[m.ended.length > 0 ? `ended ${[...m.ended].sort().join(" ")}` : "", m.started.length > 0 ? `started ${m.started.join(" ")}` : "", m.settled].filter((x) => x !== "").join("; ")}`)
    .join("\n");
}

/** The rules applied to a plan: a greedy schedule, fail fast, no starts after a failure. */
function expectedSchedule(plan: Plan): string {
  const n = plan.durations.length;
  // Timers in firing order: by due time, then creation. Successes due at the same time share one.
  const timers: { due: number; seq: number; calls: number[]; fails: boolean }[] = [];
  let seq = 0;
  let next = 0;
  let running = 0;
  let done = 0;
  let failed = false;
  const moments: Moment[] = [{ time: 0, ended: [], started: [], settled: "" }];
  const start = (now: number, moment: Moment): void => {
    const index = next++;
    const fails = plan.failure?.index === index;
    if (fails && plan.failure?.kind === "throws") {
      moment.started.push(`#${index}(throws)`);
      moment.settled = `rejects with error #${index}`;
      failed = true;
      return;
    }
    moment.started.push(`#${index}`);
    running++;
    const due = now + (plan.durations[index] as number);
    const shared = fails ? undefined : timers.find((t) => t.due === due && !t.fails);
    if (shared) shared.calls.push(index);
    else timers.push({ due, seq: seq++, calls: [index], fails });
  };
  if (n === 0) (moments[0] as Moment).settled = "resolves []";
  while (!failed && running < plan.limit && next < n) start(0, moments[0] as Moment);
  while (timers.length > 0) {
    timers.sort((a, b) => a.due - b.due || a.seq - b.seq);
    const timer = timers.shift() as (typeof timers)[number];
    const moment: Moment = { time: timer.due, ended: timer.calls.map((i) => `#${i}${timer.fails ? "(rejects)" : ""}`), started: [], settled: "" };
    moments.push(moment);
    running -= timer.calls.length;
    done += timer.calls.length;
    if (failed) continue;
    if (timer.fails) {
      failed = true;
      moment.settled = `rejects with error #${timer.calls[0]}`;
      continue;
    }
    for (let k = 0; k < timer.calls.length && !failed && next < n; k++) start(timer.due, moment);
    if (!failed && done === n) moment.settled = `resolves [${plan.durations.map((_, i) => `r${i}`).join(",")}]`;
  }
  return render(moments);
}

/** Runs the plan against the solution on the virtual clock and records the same schedule. */
async function actualSchedule(plan: Plan): Promise<string> {
  const t0 = clock.now();
  const moments: Moment[] = [{ time: 0, ended: [], started: [], settled: "" }];
  const current = () => moments[moments.length - 1] as Moment;
  const gates = new Map<number, Promise<void>>();
  const timerFor = (due: number): Promise<void> =>
    new Promise<void>((resolve) => {
      setTimeout(() => {
        moments.push({ time: due, ended: [], started: [], settled: "" });
        resolve();
      }, due - (clock.now() - t0));
    });
  const run = (duration: number, index: number): Promise<string> => {
    const fails = plan.failure?.index === index;
    if (fails && plan.failure?.kind === "throws") {
      current().started.push(`#${index}(throws)`);
      throw new Error(`error #${index}`);
    }
    current().started.push(`#${index}`);
    const due = clock.now() - t0 + duration;
    let gate: Promise<void>;
    if (fails) {
      gate = timerFor(due);
    } else {
      gate = gates.get(due) ?? timerFor(due).finally(() => gates.delete(due));
      gates.set(due, gate);
    }
    return gate.then(() => {
      current().ended.push(`#${index}${fails ? "(rejects)" : ""}`);
      if (fails) throw new Error(`error #${index}`);
      return `r${index}`;
    });
  };
  mapWithConcurrency(plan.durations, plan.limit, run).then(
    (values) => {
      current().settled = `resolves [${values.join(",")}]`;
    },
    (error: unknown) => {
      current().settled = `rejects with ${error instanceof Error ? error.message : String(error)}`;
    },
  );
  await clock.runAllAsync();
  return render(moments);
}

describe("mapWithConcurrency: any schedule", () => {
  it("starts, refills, fails fast and settles exactly like the greedy schedule of the rules", async () => {
    const plans = fc
      .record({
        limit: fc.constantFrom(1, 2, 3, Number.POSITIVE_INFINITY),
        durations: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 9 }),
        failure: fc.option(fc.record({ index: fc.nat(8), kind: fc.constantFrom<"rejects" | "throws">("rejects", "throws") }), { nil: undefined }),
      })
      .map((plan) => ({ ...plan, toString: () => `mapWithConcurrency(durations [${plan.durations.join(", ")}] ms, limit ${plan.limit}${plan.failure ? `, item #${plan.failure.index} ${plan.failure.kind}` : ""})` }));
    // fc.check rather than fc.assert: a failed expect() inside would end the test at the first,
    // unshrunk failure (the clock stops waiting once an assertion has failed).
    const report = await fc.check(
      fc.asyncProperty(plans, async (plan) => {
        const actual = await actualSchedule(plan);
        const expected = expectedSchedule(plan);
        if (actual !== expected) throw new Error(`The schedule was:\n${actual}\nThe rules give:\n${expected}`);
      }),
      { numRuns: 150 },
    );
    if (report.failed) {
      const cause = report.errorInstance instanceof Error ? report.errorInstance.message : String(report.errorInstance);
      throw new Error(`Smallest failing case: ${fc.stringify(report.counterexample?.[0])}\n${cause}`);
    }
  });
});
