// Shared by the differential tests: a RuntimeHost-shaped host made of Node's own functions, and a
// seeded PRNG so that generated inputs are the same on every run.
import { inspect } from "node:util";
import { createWebGlobals, type WebGlobals } from "./index.ts";
import type { WebHost } from "./host.ts";

export function nodeHost(): WebHost {
  return {
    nextTick: (callback, args) => process.nextTick(callback, ...args),
    queueMicrotask: (callback) => queueMicrotask(callback),
    setTimeout: (callback, ms, args) => setTimeout(callback, ms, ...args),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    now: () => Date.now(),
    random: () => Math.random(),
  };
}

export function webGlobals(): WebGlobals {
  return createWebGlobals(nodeHost());
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function outcome<T>(run: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: (error as Error).name };
  }
}

export { inspect };
