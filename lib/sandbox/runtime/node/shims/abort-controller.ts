import { webGlobals } from "../bindings.ts";

/*
 * Stands in for the npm `abort-controller` package and for `globalThis.AbortController` /
 * `globalThis.AbortSignal`, which readable-stream captures when it loads, before the web
 * globals are bound: each use is forwarded to the web globals given to createNodeModules.
 */

export const AbortController = function AbortController() {
  return new (webGlobals().AbortController)();
} as unknown as typeof globalThis.AbortController;

export const AbortSignal = {
  abort: (reason?: unknown) => webGlobals().AbortSignal.abort(reason),
  timeout: (ms: number) => webGlobals().AbortSignal.timeout(ms),
  any: (signals: AbortSignal[]) => webGlobals().AbortSignal.any(signals),
  [Symbol.hasInstance]: (value: unknown) => value instanceof webGlobals().AbortSignal,
};
