import { runtimeHost } from "./bindings.ts";
import { types } from "./util-types.ts";

/*
 * How Node's assertion messages show values: util.inspect with { compact: false, sorted: true,
 * getters: true }, one entry per line, so that a diff of two values reads line by line. Leaves
 * (primitives, functions, dates, errors...) are inspected by the host; this builds the layout.
 */

type Entries = { open: string; close: string; entries: string[]; sort: "all" | "keys" | "none"; keyCount: number };

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

function keyText(key: string | symbol): string {
  if (typeof key === "symbol") return String(key);
  return IDENTIFIER.test(key) ? key : runtimeHost().inspect(key);
}

function enumerableKeys(value: object): (string | symbol)[] {
  return Reflect.ownKeys(value).filter((key) => Object.prototype.propertyIsEnumerable.call(value, key));
}

function constructorName(value: object): string | null {
  let prototype: unknown = Object.getPrototypeOf(value);
  while (prototype !== null && prototype !== undefined) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, "constructor");
    if (typeof descriptor?.value === "function" && descriptor.value.name) return descriptor.value.name as string;
    prototype = Object.getPrototypeOf(prototype);
  }
  return null;
}

/** Objects reachable from themselves, numbered in the order Node's inspect finds them. */
function findCycles(root: unknown): Map<object, number> {
  const targets = new Map<object, number>();
  const path = new Set<object>();
  const done = new Set<object>();
  const visit = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    if (path.has(value)) {
      if (!targets.has(value)) targets.set(value, targets.size + 1);
      return;
    }
    if (done.has(value)) return;
    path.add(value);
    if (types.isMap(value)) {
      for (const [key, item] of value as Map<unknown, unknown>) {
        visit(key);
        visit(item);
      }
    }
    if (types.isSet(value)) for (const item of value as Set<unknown>) visit(item);
    for (const key of enumerableKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && "value" in descriptor) visit(descriptor.value);
    }
    path.delete(value);
    done.add(value);
  };
  visit(root);
  return targets;
}

function isLeaf(value: unknown): boolean {
  return (
    typeof value !== "object" ||
    value === null ||
    types.isDate(value) ||
    types.isRegExp(value) ||
    types.isNativeError(value) ||
    value instanceof Error ||
    types.isBoxedPrimitive(value) ||
    types.isPromise(value) ||
    types.isWeakMap(value) ||
    types.isWeakSet(value) ||
    types.isAnyArrayBuffer(value) ||
    types.isDataView(value)
  );
}

export function assertView(root: unknown): string {
  const cycles = findCycles(root);
  const onPath = new Set<object>();

  const property = (owner: object, key: string | symbol, indent: string): string => {
    const descriptor = Object.getOwnPropertyDescriptor(owner, key) as PropertyDescriptor;
    let shown: string;
    if ("value" in descriptor) shown = view(descriptor.value, indent);
    else if (descriptor.get) {
      let read: string;
      try {
        read = view(descriptor.get.call(owner), indent);
      } catch {
        read = "<Inspection threw>";
      }
      shown = descriptor.set ? `[Getter/Setter: ${read}]` : `[Getter: ${read}]`;
    } else shown = "[Setter]";
    return `${keyText(key)}: ${shown}`;
  };

  const entriesOf = (value: object, indent: string): Entries => {
    const inner = `${indent}  `;
    const keys = enumerableKeys(value);
    if (Array.isArray(value) || types.isTypedArray(value)) {
      const list = value as ArrayLike<unknown>;
      const entries: string[] = [];
      for (let index = 0; index < list.length; index++) {
        if (!Object.prototype.hasOwnProperty.call(list, index)) {
          let holes = 1;
          while (index + holes < list.length && !Object.prototype.hasOwnProperty.call(list, index + holes)) holes++;
          entries.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
          index += holes - 1;
        } else entries.push(view(list[index], inner));
      }
      const extra = keys.filter((key) => typeof key === "symbol" || !/^\d+$/.test(key));
      entries.push(...extra.map((key) => property(value, key, inner)));
      const name = constructorName(value);
      let open = "[";
      if (types.isTypedArray(value)) {
        const kind = Object.prototype.toString.call(value).slice(8, -1);
        open = name === kind ? `${kind}(${list.length}) [` : `${name}(${list.length}) [${kind}] [`;
      } else if (name !== "Array") open = `${name ?? "[Array: null prototype]"}(${list.length}) [`;
      return { open, close: "]", entries, sort: "keys", keyCount: extra.length };
    }
    if (types.isMap(value)) {
      const map = value as Map<unknown, unknown>;
      const entries = [...map].map(([key, item]) => `${view(key, inner)} => ${view(item, inner)}`);
      entries.push(...keys.map((key) => property(value, key, inner)));
      return { open: `${constructorName(value) ?? "Map"}(${map.size}) {`, close: "}", entries, sort: "all", keyCount: keys.length };
    }
    if (types.isSet(value)) {
      const set = value as Set<unknown>;
      const entries = [...set].map((item) => view(item, inner));
      entries.push(...keys.map((key) => property(value, key, inner)));
      return { open: `${constructorName(value) ?? "Set"}(${set.size}) {`, close: "}", entries, sort: "all", keyCount: keys.length };
    }
    const name = constructorName(value);
    const prefix = Object.getPrototypeOf(value) === null ? "[Object: null prototype] " : name && name !== "Object" ? `${name} ` : "";
    return { open: `${prefix}{`, close: "}", entries: keys.map((key) => property(value, key, inner)), sort: "all", keyCount: keys.length };
  };

  const view = (value: unknown, indent: string): string => {
    if (isLeaf(value)) return runtimeHost().inspect(value);
    const object = value as object;
    const cycle = cycles.get(object);
    if (onPath.has(object)) return `[Circular *${cycle}]`;
    onPath.add(object);
    const { open, close, entries, sort, keyCount } = entriesOf(object, indent);
    onPath.delete(object);
    if (sort === "all") entries.sort();
    else if (keyCount > 1) entries.splice(entries.length - keyCount, keyCount, ...entries.slice(entries.length - keyCount).sort());
    const reference = cycle === undefined ? "" : `<ref *${cycle}> `;
    if (entries.length === 0) return `${reference}${open}${close}`;
    return `${reference}${open}\n${entries.map((entry) => `${indent}  ${entry}`).join(",\n")}\n${indent}${close}`;
  };

  return view(root, "");
}
