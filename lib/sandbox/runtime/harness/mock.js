// Mock functions: fn() (also vi.fn / jest.fn) and spyOn, with Jest's recording and scripting API.
import { ArrayPush, ArraySlice, ArraySplice, ErrorCtor, ObjectFreeze, PromiseReject, PromiseResolve, StringFn, TypeErrorCtor, WeakMapGet, WeakMapSet, WeakSetAdd, WeakSetCtor, WeakSetHas, apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, hasOwn } from "./intrinsics.js";

// ---- mock functions ------------------------------------------------------------------------------
export const mocks = new WeakSetCtor();
export const mockState = new WeakMap();
/** Every mock made, for vi.clearAllMocks / resetAllMocks / restoreAllMocks. */
const allMocks = [];

export function mockCalls(mock) {
  return WeakMapGet(mockState, mock).calls;
}
/** What each call did: { type: "return" | "throw", value }. */
export function mockResults(mock) {
  return WeakMapGet(mockState, mock).results;
}
export function isMockFunction(value) {
  return typeof value === "function" && WeakSetHas(mocks, value);
}

function freshRecord(state) {
  state.calls = [];
  state.results = [];
  state.instances = [];
  state.contexts = [];
  state.views = null;
}

/**
 * What mock.calls and friends show: frozen copies, remade after each call. The matchers read the
 * harness's own record, so code handed a mock cannot rewrite its history to satisfy them.
 */
function views(state) {
  if (state.views === null) {
    const results = [];
    for (let i = 0; i < state.results.length; i++) ArrayPush(results, ObjectFreeze({ type: state.results[i].type, value: state.results[i].value }));
    state.views = {
      calls: ObjectFreeze(ArraySlice(state.calls)),
      results: ObjectFreeze(results),
      instances: ObjectFreeze(ArraySlice(state.instances)),
      contexts: ObjectFreeze(ArraySlice(state.contexts)),
    };
  }
  return state.views;
}

export function fn(impl) {
  if (impl !== undefined && typeof impl !== "function") throw new TypeErrorCtor("fn(impl): impl must be a function");
  const state = { impl, once: [], name: "fn", restore: null };
  freshRecord(state);
  const mock = function (...args) {
    ArrayPush(state.calls, ObjectFreeze(args));
    ArrayPush(state.contexts, this);
    state.views = null;
    if (new.target !== undefined) ArrayPush(state.instances, this);
    const result = { type: "incomplete", value: undefined };
    ArrayPush(state.results, result);
    const next = state.once.length > 0 ? ArraySplice(state.once, 0, 1)[0] : state.impl;
    try {
      let value;
      if (next === undefined) value = undefined;
      else if (new.target !== undefined) value = construct(next, args, new.target);
      else value = apply(next, this, args);
      result.type = "return";
      result.value = value;
      state.views = null;
      return value;
    } catch (error) {
      result.type = "throw";
      result.value = error;
      state.views = null;
      throw error;
    }
  };
  const chain = (change) => (...args) => {
    change(...args);
    return mock;
  };
  const record = ObjectFreeze({
    get calls() { return views(state).calls; },
    get results() { return views(state).results; },
    get instances() { return views(state).instances; },
    get contexts() { return views(state).contexts; },
    get lastCall() { return state.calls.length > 0 ? state.calls[state.calls.length - 1] : undefined; },
  });
  const api = {
    // The first API of this harness, kept: mock.calls.
    calls: { get: () => views(state).calls },
    mock: { get: () => record },
    mockImplementation: { value: chain((next) => { state.impl = next; }) },
    mockImplementationOnce: { value: chain((next) => { ArrayPush(state.once, next); }) },
    mockReturnValue: { value: chain((value) => { state.impl = () => value; }) },
    mockReturnValueOnce: { value: chain((value) => { ArrayPush(state.once, () => value); }) },
    mockResolvedValue: { value: chain((value) => { state.impl = () => PromiseResolve(value); }) },
    mockResolvedValueOnce: { value: chain((value) => { ArrayPush(state.once, () => PromiseResolve(value)); }) },
    mockRejectedValue: { value: chain((value) => { state.impl = () => PromiseReject(value); }) },
    mockRejectedValueOnce: { value: chain((value) => { ArrayPush(state.once, () => PromiseReject(value)); }) },
    mockReturnThis: { value: chain(() => { state.impl = function () { return this; }; }) },
    mockName: { value: chain((name) => { state.name = StringFn(name); }) },
    getMockName: { value: () => state.name },
    getMockImplementation: { value: () => state.impl },
    /** Forgets the calls; keeps the implementation. */
    mockClear: { value: chain(() => freshRecord(state)) },
    /** Forgets the calls and the implementation (a spy goes back to calling the original). */
    mockReset: { value: chain(() => { freshRecord(state); state.once = []; state.impl = state.restore ? state.restore.original : undefined; }) },
    /** A spy puts the original method back; a plain mock is reset. */
    mockRestore: { value: chain(() => { freshRecord(state); state.once = []; state.impl = state.restore ? state.restore.original : undefined; if (state.restore) state.restore.undo(); }) },
  };
  const names = ["calls", "mock", "mockImplementation", "mockImplementationOnce", "mockReturnValue", "mockReturnValueOnce", "mockResolvedValue", "mockResolvedValueOnce", "mockRejectedValue", "mockRejectedValueOnce", "mockReturnThis", "mockName", "getMockName", "getMockImplementation", "mockClear", "mockReset", "mockRestore"];
  for (let i = 0; i < names.length; i++) defineProperty(mock, names[i], { ...api[names[i]], enumerable: names[i] === "calls" || names[i] === "mock" });
  WeakSetAdd(mocks, mock);
  WeakMapSet(mockState, mock, state);
  ArrayPush(allMocks, mock);
  return mock;
}

/** Replaces obj[method] by a mock that calls the original (until told otherwise); mockRestore puts it back. */
export function spyOn(object, method) {
  if (object === null || (typeof object !== "object" && typeof object !== "function")) throw new TypeErrorCtor("spyOn(object, method): object must be an object");
  let owner = object;
  let d;
  for (let i = 0; owner !== null && i < 100; i++) {
    d = getOwnPropertyDescriptor(owner, method);
    if (d) break;
    owner = getPrototypeOf(owner);
  }
  if (!d || typeof d.value !== "function") throw new TypeErrorCtor("spyOn: " + StringFn(method) + " is not a method of the object");
  const original = d.value;
  const spy = fn(original);
  const hadOwn = hasOwn(object, method);
  const own = hadOwn ? getOwnPropertyDescriptor(object, method) : undefined;
  defineProperty(object, method, { value: spy, writable: true, enumerable: d.enumerable, configurable: true });
  WeakMapGet(mockState, spy).restore = {
    original,
    undo: () => {
      if (own) defineProperty(object, method, own);
      else if (!delete object[method]) throw new ErrorCtor("spyOn: cannot restore " + StringFn(method));
    },
  };
  return spy;
}

export function clearAllMocks() {
  for (let i = 0; i < allMocks.length; i++) allMocks[i].mockClear();
}
export function resetAllMocks() {
  for (let i = 0; i < allMocks.length; i++) allMocks[i].mockReset();
}
export function restoreAllMocks() {
  for (let i = 0; i < allMocks.length; i++) if (WeakMapGet(mockState, allMocks[i]).restore) allMocks[i].mockRestore();
}
