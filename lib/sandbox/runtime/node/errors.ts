import { runtimeHost } from "./bindings.ts";

export type NodeError<E extends Error = Error> = E & { code: string };

type ErrorClass<E extends Error> = new (message?: string, options?: { cause?: unknown }) => E;

/** An error shaped like Node's internal ones: an own `code`, and "Name [CODE]: message" in the stack. */
export function nodeError<E extends Error>(Base: ErrorClass<E>, code: string, message: string): NodeError<E> {
  const error = new Base(message) as NodeError<E>;
  error.code = code;
  // V8 formats the stack on first access with the name at that moment; Node uses the same trick.
  Object.defineProperty(error, "name", { value: `${error.name} [${code}]`, configurable: true, writable: true });
  void error.stack;
  delete (error as { name?: string }).name;
  return error;
}

export class AbortError extends Error {
  code = "ABORT_ERR";
  override name = "AbortError";
  constructor(message = "The operation was aborted", options?: { cause?: unknown }) {
    super(message, options);
  }
}

function listWords(words: string[]): string {
  if (words.length <= 2) return words.join(" or ");
  return `${words.slice(0, -1).join(", ")}, or ${words.at(-1)}`;
}

function describeReceived(value: unknown): string {
  if (value === null || value === undefined) return `Received ${String(value)}`;
  if (typeof value === "function" && value.name) return `Received function ${value.name}`;
  if (typeof value === "object") {
    const constructorName = (value as { constructor?: { name?: string } }).constructor?.name;
    if (constructorName) return `Received an instance of ${constructorName}`;
    return `Received ${runtimeHost().inspect(value, { depth: -1 })}`;
  }
  let shown = runtimeHost().inspect(value);
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `Received type ${typeof value} (${shown})`;
}

/** Node's ERR_INVALID_ARG_TYPE; `expected` holds lower-case type names and/or class names. */
export function invalidArgType(name: string, expected: string | string[], actual: unknown): NodeError<TypeError> {
  const all = Array.isArray(expected) ? expected : [expected];
  // As in Node, "Function" and "Object" read as the type names.
  const isTypeName = (word: string) => word[0] === word[0]?.toLowerCase() || word === "Function" || word === "Object";
  const types = all.filter(isTypeName).map((word) => word.toLowerCase());
  const classes = all.filter((word) => !isTypeName(word));
  const parts: string[] = [];
  if (types.length > 0) parts.push(`of type ${listWords(types)}`);
  if (classes.length > 0) parts.push(`an instance of ${listWords(classes)}`);
  const subject = name.includes(".") ? `The "${name}" property` : `The "${name}" argument`;
  return nodeError(TypeError, "ERR_INVALID_ARG_TYPE", `${subject} must be ${parts.join(" or ")}. ${describeReceived(actual)}`);
}

function withSeparators(digits: string): string {
  let result = "";
  let end = digits.length;
  const start = digits[0] === "-" ? 1 : 0;
  for (; end >= start + 4; end -= 3) result = `_${digits.slice(end - 3, end)}${result}`;
  return `${digits.slice(0, end)}${result}`;
}

/** Node's ERR_OUT_OF_RANGE, with its digit grouping of large integers. */
export function outOfRange(name: string, range: string, received: unknown): NodeError<RangeError> {
  let shown: string;
  if (Number.isInteger(received) && Math.abs(received as number) > 2 ** 32) shown = withSeparators(String(received));
  else if (typeof received === "bigint") shown = `${withSeparators(String(received))}n`;
  else shown = runtimeHost().inspect(received);
  return nodeError(RangeError, "ERR_OUT_OF_RANGE", `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`);
}

export function validateAbortSignal(signal: unknown, name: string): asserts signal is AbortSignal | undefined {
  if (signal !== undefined && (signal === null || typeof signal !== "object" || !("aborted" in signal))) {
    throw invalidArgType(name, "AbortSignal", signal);
  }
}

export function validateFunction(value: unknown, name: string): asserts value is (...args: never[]) => unknown {
  if (typeof value !== "function") throw invalidArgType(name, "Function", value);
}
