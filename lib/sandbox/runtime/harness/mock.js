// Mock functions (fn()).
import { ArrayPush, WeakMapGet, WeakMapSet, WeakSetAdd, WeakSetCtor, apply, defineProperty } from "./intrinsics.js";

// ---- mock functions ------------------------------------------------------------------------------
export const mocks = new WeakSetCtor();
export const mockState = new WeakMap();
export function mockCalls(mock) {
  return WeakMapGet(mockState, mock).calls;
}
export function fn(impl) {
  const state = { calls: [], impl: typeof impl === "function" ? impl : undefined };
  const mock = function (...args) {
    ArrayPush(state.calls, args);
    return state.impl ? apply(state.impl, this, args) : undefined;
  };
  defineProperty(mock, "calls", { get: () => state.calls, enumerable: true });
  defineProperty(mock, "mockImplementation", {
    value: (next) => {
      state.impl = next;
      return mock;
    },
  });
  WeakSetAdd(mocks, mock);
  WeakMapSet(mockState, mock, state);
  return mock;
}
