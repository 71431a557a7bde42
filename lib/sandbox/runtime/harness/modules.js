// The module system: test files and the solution are factories defined by the host; node
// exercises also get the runtime's built-in modules, as `node:name` or `name`.
import { quote } from "./format.js";
import { ArrayJoin, ErrorCtor, MapCtor, MapGet, MapHas, MapKeys, MapSet, StringFn, StringSlice, defineProperty, getOwnPropertyDescriptor, hasOwn, ownKeys } from "./intrinsics.js";
import { markNeedsSolution } from "./registry.js";
import { shared } from "./state.js";

export const factories = new MapCtor();
/**
 * What tests import as "./solution": the solution's exports, copied once it has loaded. Marked as
 * an ES module from the start, so a test's `import Thing from "./solution"` reads its `default`
 * export (Sucrase's interop decides when the import runs, before the solution has loaded).
 */
export const solutionExports = {};
defineProperty(solutionExports, "__esModule", { value: true, enumerable: false, configurable: false, writable: false });
/**
 * While test files register the first time, reading an export (which does not exist yet) marks
 * the file for a second registration once the solution has loaded. The trap is then removed, so
 * tests read the exports at the speed of a plain proxy.
 */
const recorder = {
  get(target, key, receiver) {
    if (typeof key === "string" && key !== "__esModule") markNeedsSolution();
    return Reflect.get(target, key, receiver);
  },
};
const solutionView = new Proxy(solutionExports, recorder);
export function solutionReadsRecorded() {
  delete recorder.get;
}

/** Copies the solution's exports (live bindings stay live through getters). */
export function exposeSolution(exported) {
  if (exported === null || (typeof exported !== "object" && typeof exported !== "function")) return;
  const keys = ownKeys(exported);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === "__esModule") continue;
    const d = getOwnPropertyDescriptor(exported, keys[i]);
    if (d) defineProperty(solutionExports, keys[i], { get: "value" in d ? () => d.value : d.get, enumerable: true, configurable: false });
  }
  // A CommonJS solution (module.exports = ...): its default export is the whole value, as with esModuleInterop.
  const esm = getOwnPropertyDescriptor(exported, "__esModule");
  if (!(esm && esm.value) && !hasOwn(solutionExports, "default")) defineProperty(solutionExports, "default", { value: exported, enumerable: false, configurable: false });
}
const builtins = new MapCtor();
/** Libraries only test files may import (fast-check). */
const testModules = new MapCtor();

export function registerTestModule(name, exports) {
  if (shared.sealed || MapHas(testModules, name)) throw new ErrorCtor("cannot register " + name + " now");
  MapSet(testModules, name, exports);
}

export function define(name, factory) {
  // Test files are defined before the registry is sealed; the solution (or program), once, after.
  if (shared.sealed ? name !== "solution.ts" || MapHas(factories, name) : name === "solution.ts") throw new ErrorCtor("cannot define " + name + " now");
  MapSet(factories, name, factory);
}

export function registerBuiltins(modules, names) {
  for (let i = 0; i < names.length; i++) MapSet(builtins, names[i], modules[names[i]]);
}

function builtin(specifier) {
  const name = StringSlice(specifier, 0, 5) === "node:" ? StringSlice(specifier, 5) : specifier;
  return MapHas(builtins, name) ? MapGet(builtins, name) : undefined;
}

function available() {
  const names = [];
  const it = MapKeys(builtins);
  for (let r = it.next(); !r.done; r = it.next()) names[names.length] = "node:" + r.value;
  return ArrayJoin(names, ", ");
}

export function requireForTests(specifier) {
  if (specifier === "./solution" || specifier === "./solution.ts" || specifier === "./solution.js") return solutionView;
  const found = typeof specifier === "string" ? builtin(specifier) : undefined;
  if (found !== undefined) return found;
  if (typeof specifier === "string" && MapHas(testModules, specifier)) return MapGet(testModules, specifier);
  throw new ErrorCtor("Tests can only import ./solution, vitest, @jest/globals" + (MapHas(testModules, "fast-check") ? ", fast-check" : "") + (builtins.size ? " and the Node modules" : "") + " (asked for " + quote(StringFn(specifier)) + ")");
}

export function requireForSolution(specifier) {
  const found = typeof specifier === "string" ? builtin(specifier) : undefined;
  if (found !== undefined) return found;
  if (builtins.size === 0) throw new ErrorCtor("Cannot import " + quote(StringFn(specifier)) + ": code in the sandbox runs without modules (no Node.js APIs, no npm packages). Write everything in this file.");
  throw new ErrorCtor("Cannot find module " + quote(StringFn(specifier)) + ": the sandbox has no npm packages and no files; its Node modules are " + available() + ".");
}
