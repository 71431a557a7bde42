// Test registration: describe/it/hooks while test files load; sealed before the solution runs.
import { ArrayJoin, ArrayPush, ArraySplice, ErrorCtor, StringFn, TypeErrorCtor, apply } from "./intrinsics.js";
import { shared } from "./state.js";

// ---- test registry -------------------------------------------------------------------------------
export const tests = [];
export const rootSuite = { name: null, parent: null, before: [], after: [] };
let suite = rootSuite;

export function assertRegistering(what) {
  if (shared.sealed || shared.loadingFile === null) throw new ErrorCtor(what + " can only be called while test files load");
}
export function describe(name, body) {
  assertRegistering("describe()");
  if (typeof body !== "function") throw new TypeErrorCtor("describe(name, body): body must be a function");
  const parent = suite;
  suite = { name: StringFn(name), parent, before: [], after: [] };
  try {
    apply(body, undefined, []);
  } finally {
    suite = parent;
  }
}
export function it(name, body) {
  assertRegistering("it()");
  if (typeof body !== "function") throw new TypeErrorCtor("it(name, body): body must be a function");
  const names = [StringFn(name)];
  for (let s = suite; s !== null && s.name !== null; s = s.parent) ArraySplice(names, 0, 0, s.name);
  ArrayPush(tests, { name: ArrayJoin(names, " › "), body, suite, hidden: shared.loadingFile === "hidden.test.ts" });
}
export function beforeEach(hook) {
  assertRegistering("beforeEach()");
  if (typeof hook !== "function") throw new TypeErrorCtor("beforeEach() needs a function");
  ArrayPush(suite.before, hook);
}
export function afterEach(hook) {
  assertRegistering("afterEach()");
  if (typeof hook !== "function") throw new TypeErrorCtor("afterEach() needs a function");
  ArrayPush(suite.after, hook);
}
/** Hooks apply to every test of their describe block; outer beforeEach first, inner afterEach first. */
export function phasesOf(test) {
  const chain = [];
  for (let s = test.suite; s !== null; s = s.parent) ArraySplice(chain, 0, 0, s);
  const phases = [];
  for (let i = 0; i < chain.length; i++) for (let j = 0; j < chain[i].before.length; j++) ArrayPush(phases, { fn: chain[i].before[j], skippable: true });
  ArrayPush(phases, { fn: test.body, skippable: true });
  for (let i = chain.length - 1; i >= 0; i--) for (let j = 0; j < chain[i].after.length; j++) ArrayPush(phases, { fn: chain[i].after[j], skippable: false });
  return phases;
}
