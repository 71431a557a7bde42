import { runtimeHost } from "../bindings.ts";
import { AbortController, AbortSignal } from "./abort-controller.ts";

/*
 * esbuild `inject` file: free references to these globals inside the bundled ports (a bare V8
 * context has none of them) resolve to the host and web bindings instead.
 */

function queueMicrotask(callback: () => void): void {
  runtimeHost().queueMicrotask(callback);
}

export {
  queueMicrotask,
  AbortController as "globalThis.AbortController",
  AbortSignal as "globalThis.AbortSignal",
};
