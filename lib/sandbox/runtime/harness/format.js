// Safe formatting: turns any value (proxies, throwing getters, cycles) into bounded text without
// running user code, and serialises harness-made data to JSON.
import { LIMITS, hardened } from "./config.js";
import { ArrayJoin, ArrayPush, BigIntToString, DateGetTime, DateToISOString, ErrorCtor, FunctionToString, IteratorNext, JSONStringify, MapEntries, MapHas, MapSize, NumberIsFinite, NumberIsNaN, NumberParseFloat, NumberParseInt, NumberToString, ObjectIs, ObjectKeys, ObjectPrototype, RegExpExec, RegExpTest, RegExpToString, SetIteratorNext, SetSize, SetValues, StringCharCodeAt, StringIncludes, StringReplaceAll, StringSlice, StringSplit, SymbolToString, TypedArrayLength, WeakSetAdd, WeakSetCtor, WeakSetHas, apply, getOwnPropertyDescriptor, getPrototypeOf, isArray, kindOf, ownKeys } from "./intrinsics.js";
import { factories } from "./modules.js";

// ---- safe formatting --------------------------------------------------------------------------
export function quote(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = StringCharCodeAt(s, i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += "\\\\";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c === 9) out += "\\t";
    else if (c < 32 || (c >= 0xd800 && c <= 0xdfff) || c === 0x2028 || c === 0x2029) {
      // Lone surrogates and control characters are escaped, so the output is always valid JSON.
      const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && StringCharCodeAt(s, i + 1) >= 0xdc00 && StringCharCodeAt(s, i + 1) <= 0xdfff;
      if (isPair) { out += StringSlice(s, i, i + 2); i++; }
      else out += "\\u" + StringSlice("0000" + NumberToString(c, 16), -4);
    } else out += StringSlice(s, i, i + 1);
  }
  return out + '"';
}

export function clip(s, max) {
  return s.length > max ? StringSlice(s, 0, max) + "… (" + (s.length - max) + " more characters)" : s;
}

export function functionName(fn) {
  try {
    const d = getOwnPropertyDescriptor(fn, "name");
    return d && typeof d.value === "string" && d.value ? d.value : "anonymous";
  } catch {
    return "anonymous";
  }
}

export function bigintText(value) {
  // Converting a huge BigInt to text cannot be interrupted; print only modest ones.
  if (value > 10n ** 200n || value < -(10n ** 200n)) return "<a BigInt with more than 200 digits>";
  return BigIntToString(value) + "n";
}

/** Node's util.inspect look (single quotes, `[ 1, 2 ]`) for node exercises and programs. */
export const style = { node: false, console: false };

function nodeQuote(s) {
  const q = !StringIncludes(s, "'") ? "'" : !StringIncludes(s, '"') ? '"' : !StringIncludes(s, "`") ? "`" : "'";
  const body = StringSlice(quote(s), 1, -1);
  // quote() escaped double quotes; Node escapes only the quote it uses.
  const unescaped = q === '"' ? body : StringReplaceAll(body, '\\"', '"');
  return q + (q === "'" ? StringReplaceAll(unescaped, "'", "\\'") : unescaped) + q;
}

export function inspect(value, depth, seen, top) {
  try {
    switch (typeof value) {
      case "string":
        return top ? value : style.node ? nodeQuote(clip(value, LIMITS.inspectLength)) : quote(clip(value, LIMITS.inspectLength));
      case "number":
        return ObjectIs(value, -0) ? "-0" : NumberToString(value);
      case "bigint":
        return bigintText(value);
      case "boolean":
        return value ? "true" : "false";
      case "undefined":
        return "undefined";
      case "symbol":
        return SymbolToString(value);
      case "function":
        if (!style.node) return "[Function " + functionName(value) + "]";
        return isClass(value) ? "[class " + functionName(value) + "]" : functionName(value) === "anonymous" ? "[Function (anonymous)]" : "[Function: " + functionName(value) + "]";
    }
    if (value === null) return "null";
    if (WeakSetHas(seen, value)) return "[Circular]";
    if (style.node) {
      const custom = style.console ? customInspect(value, depth) : null;
      if (custom !== null) return custom;
      const bytes = typedArrayText(value);
      if (bytes !== null) return bytes;
    }
    const kind = kindOf(value);
    if (kind === "date") {
      const t = DateGetTime(value);
      return NumberIsNaN(t) ? "Invalid Date" : DateToISOString(value);
    }
    if (kind === "regexp") return RegExpToString(value);
    // Node's console shows three levels (util.inspect's depth 2); failure messages show four.
    if (depth > (style.node ? 2 : 3)) return isArray(value) ? "[Array]" : "[Object]";
    WeakSetAdd(seen, value);
    const parts = [];
    let length = 0;
    const push = (text) => {
      ArrayPush(parts, text);
      length += text.length;
    };
    if (kind === "map") {
      const it = MapEntries(value);
      for (let i = 0; ; i++) {
        const r = IteratorNext(it);
        if (r.done) break;
        if (i >= 50 || length > LIMITS.inspectLength) { push("…"); break; }
        push(inspect(r.value[0], depth + 1, seen, false) + " => " + inspect(r.value[1], depth + 1, seen, false));
      }
      if (style.node) return nodeBlock("Map(" + MapSize(value) + ") {", "}", parts, depth);
      return "Map(" + MapSize(value) + ") {" + (parts.length ? " " + ArrayJoin(parts, ", ") + " " : "") + "}";
    }
    if (kind === "set") {
      const it = SetValues(value);
      for (let i = 0; ; i++) {
        const r = SetIteratorNext(it);
        if (r.done) break;
        if (i >= 50 || length > LIMITS.inspectLength) { push("…"); break; }
        push(inspect(r.value, depth + 1, seen, false));
      }
      if (style.node) return nodeBlock("Set(" + SetSize(value) + ") {", "}", parts, depth);
      return "Set(" + SetSize(value) + ") {" + (parts.length ? " " + ArrayJoin(parts, ", ") + " " : "") + "}";
    }
    const errorText = errorSummary(value);
    if (errorText !== null) return "[" + errorText + "]";
    if (isArray(value)) {
      const n = value.length;
      for (let i = 0; i < n; i++) {
        if (i >= 100 || length > LIMITS.inspectLength) { push("… " + (n - i) + " more items"); break; }
        const d = getOwnPropertyDescriptor(value, i);
        push(d === undefined ? "<empty>" : "value" in d ? inspect(d.value, depth + 1, seen, false) : "[Getter]");
      }
      if (style.node) return nodeBlock("[", "]", parts, depth);
      return "[" + ArrayJoin(parts, ", ") + "]";
    }
    const keys = ownKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const d = getOwnPropertyDescriptor(value, key);
      if (!d || !d.enumerable) continue;
      if (parts.length >= 50 || length > LIMITS.inspectLength) { push("…"); break; }
      const name = typeof key === "symbol" ? "[" + SymbolToString(key) + "]" : RegExpTest(/^[A-Za-z_$][\w$]*$/, key) ? key : style.node ? nodeQuote(key) : quote(key);
      push(name + ": " + ("value" in d ? inspect(d.value, depth + 1, seen, false) : "[Getter]"));
    }
    const proto = getPrototypeOf(value);
    let prefix = "";
    if (proto === null) prefix = "[Object: null prototype] ";
    else if (proto !== ObjectPrototype) {
      const ctor = getOwnPropertyDescriptor(proto, "constructor");
      if (ctor && typeof ctor.value === "function") prefix = functionName(ctor.value) + " ";
    }
    if (style.node) return nodeBlock(prefix + "{", "}", parts, depth);
    return prefix + "{" + (parts.length ? " " + ArrayJoin(parts, ", ") + " " : "") + "}";
  } catch {
    return "[unprintable value]";
  }
}

const INSPECT_CUSTOM = Symbol.for("nodejs.util.inspect.custom");
const BREAK_LENGTH = 80;

/**
 * Node's layout: entries on one line when they fit in 80 columns (counting the indentation and
 * the separators), otherwise one entry per line, indented two spaces per level. Node also groups
 * long arrays of short items into columns: not done here.
 */
function nodeBlock(open, close, parts, depth) {
  if (parts.length === 0) return open + close;
  let total = parts.length * 2 + depth * 2 + open.length + 10;
  let fits = true;
  for (let i = 0; i < parts.length && fits; i++) {
    total += parts[i].length;
    if (total > BREAK_LENGTH || StringIncludes(parts[i], "\n")) fits = false;
  }
  if (fits) return open + " " + ArrayJoin(parts, ", ") + " " + close;
  let indent = "\n";
  for (let i = 0; i < depth; i++) indent += "  ";
  return open + indent + "  " + ArrayJoin(parts, "," + indent + "  ") + indent + close;
}

/**
 * A value's own [util.inspect.custom] method, as Node's console calls it (Headers, URL, Response
 * and user classes print their own way). Only for console output: failure messages never run user code.
 */
function customInspect(value, depth) {
  let method;
  try {
    method = value[INSPECT_CUSTOM];
  } catch {
    return null;
  }
  if (typeof method !== "function") return null;
  const options = { depth: 2 - depth, colors: false, compact: 3, breakLength: 80 };
  const result = apply(method, value, [2 - depth, options, (v) => inspect(v, depth, new WeakSetCtor(), false)]);
  return typeof result === "string" ? result : inspect(result, depth, new WeakSetCtor(), false);
}

/** Buffers as Node prints them (`<Buffer 68 69>`), other typed arrays as `Uint8Array(2) [ 1, 2 ]`. */
function typedArrayText(value) {
  let length;
  try {
    length = TypedArrayLength(value);
  } catch {
    return null; // not a typed array
  }
  const ctor = getOwnPropertyDescriptor(getPrototypeOf(value) || ObjectPrototype, "constructor");
  const name = ctor && typeof ctor.value === "function" ? functionName(ctor.value) : "TypedArray";
  const shown = length > 50 ? 50 : length;
  const parts = [];
  if (name === "Buffer") {
    for (let i = 0; i < shown; i++) ArrayPush(parts, StringSlice("0" + NumberToString(value[i], 16), -2));
    return "<Buffer" + (shown ? " " + ArrayJoin(parts, " ") : "") + (length > shown ? " ... " + (length - shown) + " more bytes" : "") + ">";
  }
  for (let i = 0; i < shown; i++) ArrayPush(parts, inspect(value[i], 1, new WeakSetCtor(), false));
  if (length > shown) ArrayPush(parts, "... " + (length - shown) + " more items");
  return name + "(" + length + ") " + (parts.length ? "[ " + ArrayJoin(parts, ", ") + " ]" : "[]");
}

function isClass(fn) {
  try {
    return StringSlice(FunctionToString(fn), 0, 6) === "class ";
  } catch {
    return false;
  }
}

/** util.format: printf-like specifiers when the first argument is a string, as Node's console does. */
export function formatArgs(args) {
  const text = (v) => clip(inspect(v, 0, new WeakSetCtor(), true), LIMITS.inspectLength);
  if (args.length === 0) return "";
  let out = "";
  let next = 1;
  const first = args[0];
  if (typeof first === "string" && StringIncludes(first, "%")) {
    for (let i = 0; i < first.length; i++) {
      const c = StringCharCodeAt(first, i);
      if (c !== 37 || i + 1 >= first.length) { out += StringSlice(first, i, i + 1); continue; }
      const spec = StringSlice(first, i + 1, i + 2);
      if (spec === "%") { out += "%"; i++; continue; }
      if (next >= args.length || !StringIncludes("sdifjoOc", spec)) { out += StringSlice(first, i, i + 1); continue; }
      const arg = args[next++];
      i++;
      if (spec === "s") out += typeof arg === "string" ? arg : typeof arg === "bigint" ? bigintText(arg) : typeof arg === "object" && arg !== null ? text(arg) : inspect(arg, 0, new WeakSetCtor(), true);
      else if (spec === "d" || spec === "i") out += typeof arg === "bigint" ? bigintText(arg) : typeof arg === "symbol" ? "NaN" : inspect(spec === "i" ? NumberParseInt(arg) : +arg, 0, new WeakSetCtor(), true);
      else if (spec === "f") out += typeof arg === "symbol" ? "NaN" : inspect(NumberParseFloat(arg), 0, new WeakSetCtor(), true);
      else if (spec === "j") {
        try { out += JSONStringify(arg); } catch { out += "[Circular]"; }
      } else if (spec === "c") { /* CSS: ignored, as in Node */ }
      else out += clip(inspect(arg, 0, new WeakSetCtor(), false), LIMITS.inspectLength);
    }
  } else {
    out = text(first);
  }
  for (; next < args.length; next++) out += " " + text(args[next]);
  return out;
}

export function show(value) {
  return clip(inspect(value, 0, new WeakSetCtor(), false), LIMITS.inspectLength);
}

/** "Name: message" for error-like objects (read without running getters), else null. */
export function errorSummary(value) {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return null;
  let name = null;
  let message = null;
  let proto = value;
  // Data properties are read directly; getters only on frozen built-ins (ours, after lockdown),
  // so no user code runs here.
  const read = (obj, key) => {
    const d = getOwnPropertyDescriptor(obj, key);
    if (!d) return null;
    if ("value" in d) return typeof d.value === "string" ? d.value : null;
    if (d.get && WeakSetHas(hardened, obj)) {
      const v = apply(d.get, obj, []);
      return typeof v === "string" ? v : null;
    }
    return null;
  };
  for (let i = 0; proto !== null && i < 20; i++) {
    const n = read(proto, "name");
    const m = read(proto, "message");
    if (name === null && n !== null) name = n;
    if (message === null && m !== null) message = m;
    proto = getPrototypeOf(proto);
    if (proto === ErrorCtor.prototype) {
      if (name === null) name = "Error";
      if (message === null) message = "";
    }
  }
  if (name === null || message === null) return null;
  return message ? name + ": " + message : name;
}

/** A thrown value as readable text, whatever it is (non-Errors, throwing getters, proxies). */
export function describeThrown(value) {
  try {
    const summary = errorSummary(value);
    if (summary !== null) return clip(summary, LIMITS.inspectLength);
  } catch {
    // fall through to a generic description
  }
  return "Thrown value: " + show(value);
}

/** A thrown value's stack, read once: V8 keeps `stack` as an accessor, and a thrown object's own getter may run. */
export function stackOf(value) {
  try {
    if (value === null || typeof value !== "object") return null;
    const stack = value.stack;
    return typeof stack === "string" ? stack : null;
  } catch {
    return null;
  }
}

/**
 * The first stack frame in a loaded test file, as { file, line, column } (transpiled positions;
 * the host maps them to the TypeScript source). Only read when a test fails, never on a pass.
 */
export function testLocation(stack) {
  if (stack === null) return null;
  const lines = StringSplit(stack, "\n");
  for (let i = 0; i < lines.length; i++) {
    const m = RegExpExec(/([\w.-]+\.test\.ts):(\d+):(\d+)\)?$/, lines[i]);
    if (m && MapHas(factories, m[1])) return { file: m[1], line: +m[2], column: +m[3] };
  }
  return null;
}

/** The first stack frame in the solution file ("solution.ts:LINE:COL"), if any. */
export function solutionLocation(stack) {
  if (stack === null) return null;
  const lines = StringSplit(stack, "\n");
  for (let i = 0; i < lines.length; i++) {
    const m = RegExpExec(/solution\.ts:(\d+):(\d+)/, lines[i]);
    if (m) return { line: +m[1], column: +m[2] };
  }
  return null;
}

// ---- serialisation: harness-made data only --------------------------------------------------
export function toJson(value) {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number") return NumberIsFinite(value) ? NumberToString(value) : "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (isArray(value)) {
    const parts = [];
    for (let i = 0; i < value.length; i++) ArrayPush(parts, toJson(value[i]));
    return "[" + ArrayJoin(parts, ",") + "]";
  }
  const parts = [];
  const keys = ObjectKeys(value);
  for (let i = 0; i < keys.length; i++) {
    const d = getOwnPropertyDescriptor(value, keys[i]);
    if (d && "value" in d && d.value !== undefined) ArrayPush(parts, quote(keys[i]) + ":" + toJson(d.value));
  }
  return "{" + ArrayJoin(parts, ",") + "}";
}
