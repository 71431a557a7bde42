import { assertView } from "./assert-view.ts";
import { isDeepLooseEqual, isDeepStrictEqual } from "./deep-equal.ts";
import { invalidArgType } from "./errors.ts";

/*
 * A small node:assert with Node's messages for the common cases: "a !== b" for primitives, a
 * "+ actual - expected" line diff of the values laid out as Node does (assert-view.ts). Node's source-reading
 * message for assert.ok (which quotes the failing expression) is approximated with the value.
 */

interface AssertionErrorOptions {
  message?: string | Error;
  actual?: unknown;
  expected?: unknown;
  operator?: string;
}

const show = assertView;

export class AssertionError extends Error {
  generatedMessage: boolean;
  code = "ERR_ASSERTION";
  actual: unknown;
  expected: unknown;
  operator: string | undefined;
  diff: "simple" | "full" = "simple";

  constructor(options: AssertionErrorOptions) {
    if (options === null || typeof options !== "object") throw invalidArgType("options", "Object", options);
    const generated = options.message === undefined;
    super(generated ? "Failed" : String(options.message));
    this.generatedMessage = generated;
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator;
    // "AssertionError [ERR_ASSERTION]: ..." in the stack, as Node prints it.
    Object.defineProperty(this, "name", { value: "AssertionError [ERR_ASSERTION]", configurable: true, writable: true });
    void this.stack;
    Object.defineProperty(this, "name", { value: "AssertionError", configurable: true, writable: true, enumerable: false });
  }
}

function lineDiff(actual: string[], expected: string[]): string[] {
  const rows = actual.length;
  const columns = expected.length;
  const common: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(columns + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      const row = common[i] as number[];
      row[j] = actual[i] === expected[j] ? (common[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(common[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && actual[i] === expected[j]) {
      lines.push(`  ${actual[i++]}`);
      j++;
    } else if (j >= columns || (i < rows && (common[i + 1]?.[j] ?? 0) >= (common[i]?.[j + 1] ?? 0))) {
      lines.push(`+ ${actual[i++]}`);
    } else {
      lines.push(`- ${expected[j++]}`);
    }
  }
  return lines;
}

/** The part of Node's message that shows the values: "a !== b" or a line diff. */
function comparison(actual: unknown, expected: unknown, operator: "!==" | "deep"): { header: string; body: string } {
  const header = operator === "!==" ? "Expected values to be strictly equal:" : "Expected values to be strictly deep-equal:";
  const [left, right] = [show(actual), show(expected)];
  const isObject = (value: unknown) => typeof value === "object" && value !== null;
  if (operator === "!==" && isObject(actual) && isObject(expected) && left === right) {
    return { header: "Values have same structure but are not reference-equal:", body: `\n${left}\n` };
  }
  if (!left.includes("\n") && !right.includes("\n") && !(isObject(actual) && isObject(expected))) {
    return { header, body: `\n${left} !== ${right}\n` };
  }
  return { header: `${header}\n+ actual - expected`, body: `\n${lineDiff(left.split("\n"), right.split("\n")).join("\n")}\n` };
}

function innerFail(options: AssertionErrorOptions, generated = false): never {
  if (options.message instanceof Error) throw options.message;
  const error = new AssertionError(options);
  error.generatedMessage = generated;
  throw error;
}

/** What throws()/rejects() show when an error misses expected properties, named as in Node. */
class Comparison {
  constructor(source: unknown, keys: Iterable<string | symbol>) {
    for (const key of keys) {
      if (source !== null && typeof source === "object" && key in source) {
        (this as Record<string | symbol, unknown>)[key] = (source as Record<string | symbol, unknown>)[key];
      }
    }
  }
}

function failComparison(
  actual: unknown,
  expected: unknown,
  message: unknown,
  operator: string,
  kind: "!==" | "deep",
  shown: [unknown, unknown] = [actual, expected],
): never {
  if (message instanceof Error) throw message;
  const { header, body } = comparison(shown[0], shown[1], kind);
  const error = new AssertionError({ actual, expected, operator, message: `${message === undefined ? header : String(message)}\n${body}` });
  error.generatedMessage = message === undefined;
  throw error;
}

function failUnequal(actual: unknown, message: unknown, operator: string, phrase: string): never {
  if (message instanceof Error) throw message;
  const shown = show(actual);
  const generated = shown.includes("\n") ? `${phrase}:\n\n${shown}\n` : `${phrase}: ${shown}`;
  const error = new AssertionError({ actual, expected: actual, operator, message: message === undefined ? generated : String(message) });
  error.generatedMessage = message === undefined;
  throw error;
}

function ok(...args: unknown[]): void {
  const [value, message] = args;
  if (value) return;
  if (message instanceof Error) throw message;
  const generated = args.length === 0 ? "No value argument passed to `assert.ok()`" : `The expression evaluated to a falsy value:\n\n  assert.ok(${show(value)})\n`;
  const error = new AssertionError({ actual: value, expected: true, operator: "==", message: message === undefined ? generated : String(message) });
  error.generatedMessage = message === undefined;
  throw error;
}

function equal(actual: unknown, expected: unknown, message?: string | Error): void {
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) return;
  if (message !== undefined) innerFail({ actual, expected, operator: "==", message });
  const error = new AssertionError({ actual, expected, operator: "==", message: `${show(actual)} == ${show(expected)}` });
  error.generatedMessage = true;
  throw error;
}

function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!(actual == expected || (Number.isNaN(actual) && Number.isNaN(expected)))) return;
  if (message !== undefined) innerFail({ actual, expected, operator: "!=", message });
  const error = new AssertionError({ actual, expected, operator: "!=", message: `${show(actual)} != ${show(expected)}` });
  error.generatedMessage = true;
  throw error;
}

function strictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!Object.is(actual, expected)) failComparison(actual, expected, message, "strictEqual", "!==");
}

function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failUnequal(actual, message, "notStrictEqual", 'Expected "actual" to be strictly unequal to');
}

function deepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!isDeepStrictEqual(actual, expected)) failComparison(actual, expected, message, "deepStrictEqual", "deep");
}

function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepStrictEqual(actual, expected)) {
    failUnequal(actual, message, "notDeepStrictEqual", 'Expected "actual" not to be strictly deep-equal to');
  }
}

function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepLooseEqual(actual, expected)) return;
  if (message !== undefined) innerFail({ actual, expected, operator: "deepEqual", message });
  const { body } = comparison(actual, expected, "deep");
  throw new AssertionError({ actual, expected, operator: "deepEqual", message: `Expected values to be loosely deep-equal:\n${body}` });
}

function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (isDeepLooseEqual(actual, expected)) {
    failUnequal(actual, message, "notDeepEqual", 'Expected "actual" not to be loosely deep-equal to');
  }
}

function fail(message?: string | Error): never {
  if (message instanceof Error) throw message;
  const error = new AssertionError({ operator: "fail", message: message ?? "Failed" });
  error.generatedMessage = message === undefined;
  throw error;
}

function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (!(pattern instanceof RegExp)) throw invalidArgType("regexp", "RegExp", pattern);
  if (typeof text === "string" && pattern.test(text)) return;
  const generated =
    typeof text === "string"
      ? `The input did not match the regular expression ${String(pattern)}. Input:\n\n${show(text)}\n`
      : `The "string" argument must be of type string. Received type ${typeof text} (${show(text)})`;
  innerFail({ actual: text, expected: pattern, operator: "match", message: message ?? generated }, message === undefined);
}

function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (!(pattern instanceof RegExp)) throw invalidArgType("regexp", "RegExp", pattern);
  if (typeof text !== "string" || !pattern.test(text)) return;
  const generated = `The input was expected to not match the regular expression ${String(pattern)}. Input:\n\n${show(text)}\n`;
  innerFail({ actual: text, expected: pattern, operator: "doesNotMatch", message: message ?? generated }, message === undefined);
}

function ifError(value: unknown): void {
  if (value === null || value === undefined) return;
  const shown = value instanceof Error && value.message ? value.message : show(value);
  const error = new AssertionError({ actual: value, expected: null, operator: "ifError", message: `ifError got unwanted exception: ${shown}` });
  throw error;
}

type Expected = RegExp | ((...args: never[]) => unknown) | Record<string, unknown> | Error;

/** Checks a caught error against throws()/rejects()'s `expected`, with Node's messages. */
function checkError(actual: unknown, expected: Expected, message: string | undefined, operator: string): void {
  if (expected instanceof RegExp) {
    const text = String(actual);
    if (expected.test(text)) return;
    innerFail(
      {
        actual,
        expected,
        operator,
        message: message ?? `The input did not match the regular expression ${String(expected)}. Input:\n\n${show(text)}\n`,
      },
      message === undefined,
    );
  }
  if (typeof expected === "function") {
    const isClass = expected.prototype !== undefined && actual instanceof (expected as unknown as new () => unknown);
    if (isClass) return;
    if (expected.prototype !== undefined && Error.isPrototypeOf(expected)) {
      const received = (actual as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof actual;
      const detail = actual instanceof Error ? `\n\nError message:\n\n${actual.message}` : "";
      innerFail(
        {
          actual,
          expected,
          operator,
          message: message ?? `The error is expected to be an instance of "${expected.name}". Received "${received}"${detail}`,
        },
        message === undefined,
      );
    }
    const result = (expected as (error: unknown) => unknown)(actual);
    if (result === true) return;
    const caught = actual instanceof Error ? `${actual.name}: ${actual.message}` : show(actual);
    innerFail(
      {
        actual,
        expected,
        operator,
        message:
          message ??
          `The ${expected.name ? `"${expected.name}" ` : ""}validation function is expected to return "true". Received ${show(result)}\n\nCaught error:\n\n${caught}`,
      },
      message === undefined,
    );
  }
  if (typeof expected !== "object" || expected === null) throw invalidArgType("expected", ["Function", "RegExp", "Object", "Error"], expected);
  const keys = Reflect.ownKeys(expected).filter((key) => Object.prototype.propertyIsEnumerable.call(expected, key));
  if (expected instanceof Error) keys.push("name", "message");
  for (const key of new Set(keys)) {
    const want = (expected as Record<string | symbol, unknown>)[key];
    const got = (actual as Record<string | symbol, unknown> | null)?.[key];
    const matches = want instanceof RegExp && typeof got === "string" ? want.test(got) : isDeepStrictEqual(got, want);
    if (!matches) {
      const compared = [...new Set(keys)];
      failComparison(actual, expected, message, operator, "deep", [new Comparison(actual, compared), new Comparison(expected, compared)]);
    }
  }
}

function splitExpectation(expected: unknown, message: unknown): [Expected | undefined, string | undefined] {
  if (typeof expected === "string") return [undefined, expected];
  return [expected as Expected | undefined, message as string | undefined];
}

function missing(kind: "exception" | "rejection", expected: Expected | undefined, message: string | undefined, operator: string): never {
  const name = typeof expected === "function" && expected.name ? ` (${expected.name})` : "";
  const text = `Missing expected ${kind}${name}${message ? `: ${message}` : "."}`;
  const error = new AssertionError({ actual: undefined, expected, operator, message: text });
  error.generatedMessage = false;
  throw error;
}

function throws(fn: () => unknown, expected?: unknown, message?: unknown): void {
  if (typeof fn !== "function") throw invalidArgType("fn", "Function", fn);
  const [expectation, text] = splitExpectation(expected, message);
  let caught: { error: unknown } | undefined;
  try {
    fn();
  } catch (error) {
    caught = { error };
  }
  if (!caught) missing("exception", expectation, text, "throws");
  if (expectation !== undefined) checkError(caught.error, expectation, text, "throws");
}

function doesNotThrow(fn: () => unknown, message?: unknown): void {
  if (typeof fn !== "function") throw invalidArgType("fn", "Function", fn);
  try {
    fn();
  } catch (error) {
    const detail = error instanceof Error ? error.message : show(error);
    throw new AssertionError({ actual: error, operator: "doesNotThrow", message: `Got unwanted exception${typeof message === "string" ? `: ${message}` : "."}\nActual message: "${detail}"` });
  }
}

async function settle(promiseOrFn: unknown): Promise<{ rejected: boolean; value: unknown }> {
  let promise = promiseOrFn;
  if (typeof promiseOrFn === "function") promise = promiseOrFn();
  if (promise === null || typeof (promise as { then?: unknown })?.then !== "function") {
    throw invalidArgType("promiseFn", ["Function", "Promise"], promise);
  }
  try {
    return { rejected: false, value: await promise };
  } catch (error) {
    return { rejected: true, value: error };
  }
}

async function rejects(promiseOrFn: unknown, expected?: unknown, message?: unknown): Promise<void> {
  const [expectation, text] = splitExpectation(expected, message);
  const outcome = await settle(promiseOrFn);
  if (!outcome.rejected) missing("rejection", expectation, text, "rejects");
  if (expectation !== undefined) checkError(outcome.value, expectation, text, "rejects");
}

async function doesNotReject(promiseOrFn: unknown, message?: unknown): Promise<void> {
  const outcome = await settle(promiseOrFn);
  if (!outcome.rejected) return;
  const detail = outcome.value instanceof Error ? outcome.value.message : show(outcome.value);
  throw new AssertionError({ actual: outcome.value, operator: "doesNotReject", message: `Got unwanted rejection${typeof message === "string" ? `: ${message}` : "."}\nActual message: "${detail}"` });
}

const shared = {
  AssertionError,
  ok,
  fail,
  strictEqual,
  notStrictEqual,
  deepStrictEqual,
  notDeepStrictEqual,
  throws,
  doesNotThrow,
  rejects,
  doesNotReject,
  match,
  doesNotMatch,
  ifError,
};

// `assert(value)` is assert.ok, under its name, as in Node.
const callableOk = () => ({ ok: (...args: unknown[]) => ok(...args) }).ok;

/** node:assert/strict: equal and deepEqual are the strict forms. */
export const assertStrictModule = Object.assign(callableOk(), shared, {
  equal: strictEqual,
  notEqual: notStrictEqual,
  deepEqual: deepStrictEqual,
  notDeepEqual: notDeepStrictEqual,
});

export const assertModule = Object.assign(callableOk(), shared, {
  equal,
  notEqual,
  deepEqual,
  notDeepEqual,
  strict: assertStrictModule,
});
Object.assign(assertStrictModule, { strict: assertStrictModule });
