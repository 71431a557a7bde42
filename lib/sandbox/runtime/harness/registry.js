// Test registration: describe/it/hooks while test files load (Jest's and Vitest's forms: .skip,
// .only, .todo, .each, beforeAll/afterAll); the run list is fixed before any test runs.
import { inspect, quote, toJson } from "./format.js";
import { ArrayJoin, ArrayPush, ArraySlice, ArraySplice, ErrorCtor, NumberParseFloat, NumberParseInt, NumberToString, ObjectFreeze, RegExpTest, StringFn, StringSlice, StringSplit, TypeErrorCtor, WeakSetCtor, apply, getOwnPropertyDescriptor, isArray, uncurry } from "./intrinsics.js";

const NumberFn = Number;
const StringTrim = uncurry(String.prototype.trim);

/**
 * Registration is open only while the harness runs a test file's factory. `solutionLoaded` tells
 * the first registration (before any solution code ran) from the second one (see run.js).
 */
export const registration = { open: false, solutionLoaded: false };

// ---- test registry -------------------------------------------------------------------------------
/** The tests that run, in order (skipped, todo and non-`only` tests of a file with `only` are left out). */
export const tests = [];
/** Per test file: its own root suite (hooks at its top level apply to its tests only) and tests. */
const files = [];
let current = null;
let suite = null;

const newSuite = (name, parent, mode) => ({ name, parent, mode, before: [], after: [], beforeAll: [], afterAll: [], setupFailure: null });

export function assertRegistering(what) {
  if (!registration.open || current === null) throw new ErrorCtor(what + " can only be called while test files load");
}

/** Starts registering a test file; a file registered again (after the solution loaded) starts over, in its place. */
export function beginFile(name) {
  current = { name, root: newSuite(null, null, "normal"), tests: [], hasOnly: false, needsSolution: false };
  suite = current.root;
  for (let i = 0; i < files.length; i++) {
    if (files[i].name === name) {
      files[i] = current;
      return;
    }
  }
  ArrayPush(files, current);
}
/** Ends the file being registered; true if it must be registered again once the solution has loaded. */
export function endFile() {
  const again = current.needsSolution;
  current = null;
  suite = null;
  return again;
}
/** The file being registered read the solution's exports before they existed. */
export function markNeedsSolution() {
  if (current !== null && !registration.solutionLoaded) current.needsSolution = true;
}

/** A describe body or a test file's top level threw while registering: the error becomes a failing test. */
export function registerFailure(title, error, prefix) {
  ArrayPush(current.tests, {
    name: title,
    body: () => undefined,
    registrationError: { error, prefix },
    suite: current.root,
    hidden: current.name === "hidden.test.ts",
    mode: "normal",
  });
}

function pathOf(s, leaf) {
  const names = [leaf];
  for (; s !== null && s.name !== null; s = s.parent) ArraySplice(names, 0, 0, s.name);
  return ArrayJoin(names, " › ");
}

function addSuite(name, body, mode) {
  assertRegistering("describe()");
  if (typeof body !== "function") throw new TypeErrorCtor("describe(name, body): body must be a function");
  if (mode === "only") current.hasOnly = true;
  const parent = suite;
  suite = newSuite(StringFn(name), parent, mode);
  try {
    const returned = apply(body, undefined, []);
    if (returned !== null && typeof returned === "object" && typeof returned.then === "function") {
      throw new TypeErrorCtor("describe(" + quote(StringFn(name)) + ") was given an async body: describe bodies run at registration and must be synchronous (await inside it(), beforeAll() or beforeEach())");
    }
  } catch (error) {
    // Before the solution loaded, a block may fail only for want of it: it is registered again
    // once the solution is there. After, the block's failure is a failing test carrying the error.
    if (registration.solutionLoaded) registerFailure(pathOf(parent, StringFn(name)), error, "describe(" + quote(StringFn(name)) + ") threw while registering its tests: ");
    else current.needsSolution = true;
  } finally {
    suite = parent;
  }
}

function addTest(name, body, mode) {
  assertRegistering("it()");
  if (mode === "todo") {
    if (body !== undefined) throw new TypeErrorCtor("it.todo(name) takes no body: it is a reminder, not a test");
  } else if (typeof body !== "function") throw new TypeErrorCtor("it(name, body): body must be a function");
  if (mode === "only") current.hasOnly = true;
  ArrayPush(current.tests, { name: pathOf(suite, StringFn(name)), body, suite, hidden: current.name === "hidden.test.ts", mode });
}

function addHook(list, what, hook) {
  assertRegistering(what + "()");
  if (typeof hook !== "function") throw new TypeErrorCtor(what + "() needs a function");
  ArrayPush(suite[list], hook);
}

// ---- .each -------------------------------------------------------------------------------------------
const pretty = (value) => inspect(value, 0, new WeakSetCtor(), false);
const plain = (value) => inspect(value, 0, new WeakSetCtor(), true);
const json = (value) => {
  try {
    return typeof value === "function" || typeof value === "symbol" || typeof value === "bigint" ? pretty(value) : toJson(value);
  } catch {
    return pretty(value); // a cycle
  }
};

/** printf-style placeholders, as Jest and Vitest fill them: %s %d %i %f %j %o %O %p %# %%. */
function printf(title, args, index) {
  let out = "";
  let next = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title[i];
    if (c !== "%" || i + 1 >= title.length) {
      out += c;
      continue;
    }
    const k = title[i + 1];
    if (k === "%") out += "%";
    else if (k === "#") out += NumberToString(index);
    else if (k === "$") out += NumberToString(index + 1);
    else if ("sdifjoOp".includes(k)) {
      if (next >= args.length) {
        out += "%" + k;
        i++;
        continue;
      }
      const value = args[next++];
      if (k === "s") out += plain(value);
      else if (k === "d" || k === "i") out += typeof value === "number" || typeof value === "string" ? NumberToString(k === "i" ? NumberParseInt(StringFn(value), 10) : NumberFn(value)) : typeof value === "bigint" ? plain(value) : "NaN";
      else if (k === "f") out += typeof value === "number" || typeof value === "string" ? NumberToString(NumberParseFloat(StringFn(value))) : "NaN";
      else if (k === "j") out += json(value);
      else out += pretty(value);
    } else {
      out += c;
      continue;
    }
    i++;
  }
  return out;
}

/** `$name` and `$name.path` from an object row, `$#` its index (Jest's and Vitest's object tables). */
function interpolate(title, row, index) {
  let out = "";
  for (let i = 0; i < title.length; i++) {
    if (title[i] !== "$") {
      out += title[i];
      continue;
    }
    if (title[i + 1] === "#") {
      out += NumberToString(index);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < title.length && RegExpTest(/[\w$.]/, title[j])) j++;
    while (j > i + 1 && title[j - 1] === ".") j--;
    if (j === i + 1) {
      out += "$";
      continue;
    }
    const path = StringSplit(StringSlice(title, i + 1, j), ".");
    let value = row;
    let found = true;
    for (let p = 0; p < path.length && found; p++) {
      const d = value !== null && (typeof value === "object" || typeof value === "function") ? getOwnPropertyDescriptor(value, path[p]) : undefined;
      found = d !== undefined && "value" in d;
      value = found ? d.value : undefined;
    }
    out += found ? pretty(value) : StringSlice(title, i, j);
    i = j - 1;
  }
  return out;
}

/** A tagged-template table: a header row of names, then the values row by row. */
function templateRows(strings, values) {
  const header = StringSplit(StringTrim(strings[0]), "|");
  const names = [];
  for (let i = 0; i < header.length; i++) ArrayPush(names, StringTrim(header[i]));
  if (names.length === 0 || values.length % names.length !== 0) throw new TypeErrorCtor("each`table`: " + values.length + " values do not fill rows of " + names.length + " columns (" + ArrayJoin(names, ", ") + ")");
  const rows = [];
  for (let r = 0; r < values.length; r += names.length) {
    const row = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = values[r + c];
    ArrayPush(rows, row);
  }
  return rows;
}

function eachOf(register) {
  return (table, ...values) => {
    let rows;
    if (isArray(table) && isArray(getOwnPropertyDescriptor(table, "raw")?.value)) rows = templateRows(table, values);
    else if (isArray(table)) rows = ArraySlice(table);
    else throw new TypeErrorCtor(".each() needs an array of rows (arrays, objects or single values) or a tagged template table");
    return (title, body) => {
      if (typeof body !== "function") throw new TypeErrorCtor(".each(table)(name, body): body must be a function");
      const name = StringFn(title);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        const spread = isArray(row);
        const args = spread ? ArraySlice(row) : [row];
        const isObjectRow = !spread && row !== null && typeof row === "object";
        const rowTitle = isObjectRow ? interpolate(printf(name, [], i), row, i) : printf(name, args, i);
        register(rowTitle, (...rest) => apply(body, undefined, [...args, ...rest]));
      }
    };
  };
}

/** it/test/describe with their modifiers; each form also has .each. */
function withModifiers(base, kind) {
  const make = (mode) => {
    const f = (name, body) => base(name, body, mode);
    f.each = eachOf((name, body) => base(name, body, mode));
    return ObjectFreeze(f);
  };
  const main = (name, body) => base(name, body, "normal");
  main.each = eachOf((name, body) => base(name, body, "normal"));
  main.only = make("only");
  main.skip = make("skip");
  // Vitest's conditional forms.
  main.skipIf = (condition) => make(condition ? "skip" : "normal");
  main.runIf = (condition) => make(condition ? "normal" : "skip");
  if (kind === "test") main.todo = (name) => base(name, undefined, "todo");
  return ObjectFreeze(main);
}

export const it = withModifiers(addTest, "test");
export const describe = withModifiers(addSuite, "describe");
export const beforeEach = (hook) => addHook("before", "beforeEach", hook);
export const afterEach = (hook) => addHook("after", "afterEach", hook);
export const beforeAll = (hook) => addHook("beforeAll", "beforeAll", hook);
export const afterAll = (hook) => addHook("afterAll", "afterAll", hook);

// ---- the run list ----------------------------------------------------------------------------------
/** Fixes the run list from the registered files: skipped and todo tests out, `only` honoured per file. */
export function buildRunList() {
  ArraySplice(tests, 0, tests.length);
  for (let f = 0; f < files.length; f++) {
    const file = files[f];
    const runs = [];
    for (let i = 0; i < file.tests.length; i++) {
      const test = file.tests[i];
      if (test.mode === "todo" || test.mode === "skip") continue;
      let skipped = false;
      let only = test.mode === "only";
      for (let s = test.suite; s !== null; s = s.parent) {
        if (s.mode === "skip") skipped = true;
        if (s.mode === "only") only = true;
      }
      if (skipped || (file.hasOnly && !only)) continue;
      ArrayPush(runs, test);
    }
    // beforeAll runs with the first test of its block that runs, afterAll with the last.
    const opened = new WeakSetCtor();
    for (let i = 0; i < runs.length; i++) {
      runs[i].opens = [];
      for (let s = runs[i].suite; s !== null; s = s.parent) {
        if (!opened.has(s)) {
          opened.add(s);
          ArrayPush(runs[i].opens, s);
        }
      }
    }
    const closed = new WeakSetCtor();
    for (let i = runs.length - 1; i >= 0; i--) {
      runs[i].closes = [];
      for (let s = runs[i].suite; s !== null; s = s.parent) {
        if (!closed.has(s)) {
          closed.add(s);
          ArrayPush(runs[i].closes, s);
        }
      }
    }
    for (let i = 0; i < runs.length; i++) ArrayPush(tests, runs[i]);
  }
}

/** The tests left out of the run (skipped, todo, or not `only`), for a report. */
export function countNotRun() {
  let n = 0;
  for (let f = 0; f < files.length; f++) n += files[f].tests.length;
  return n - tests.length;
}

/**
 * The phases of one test, in order: beforeAll of the blocks it opens (outer first), beforeEach
 * (outer first), the body, afterEach (inner first), afterAll of the blocks it closes (inner first).
 * After a failure the skippable phases are skipped; after-hooks always run.
 */
export function phasesOf(test) {
  const chain = [];
  for (let s = test.suite; s !== null; s = s.parent) ArraySplice(chain, 0, 0, s);
  const phases = [];
  for (let i = 0; i < chain.length; i++) {
    if (test.opens.includes(chain[i])) for (let j = 0; j < chain[i].beforeAll.length; j++) ArrayPush(phases, { fn: chain[i].beforeAll[j], skippable: true, setupOf: chain[i] });
  }
  for (let i = 0; i < chain.length; i++) for (let j = 0; j < chain[i].before.length; j++) ArrayPush(phases, { fn: chain[i].before[j], skippable: true });
  ArrayPush(phases, { fn: test.body, skippable: true });
  for (let i = chain.length - 1; i >= 0; i--) for (let j = 0; j < chain[i].after.length; j++) ArrayPush(phases, { fn: chain[i].after[j], skippable: false });
  for (let i = chain.length - 1; i >= 0; i--) {
    if (test.closes.includes(chain[i])) for (let j = 0; j < chain[i].afterAll.length; j++) ArrayPush(phases, { fn: chain[i].afterAll[j], skippable: false });
  }
  return phases;
}

/** A beforeAll that failed fails every later test of its block, with its message. */
export function setupFailureOf(test) {
  for (let s = test.suite; s !== null; s = s.parent) if (s.setupFailure) return s.setupFailure;
  return null;
}
