// Evaluated just before web-streams-polyfill (see the import order in streams.ts): the polyfill
// picks globalThis.DOMException when it loads, so its AbortErrors are instances of ours. streams.ts
// removes the global again once the polyfill has loaded.
import { DOMException } from "./dom-exception.ts";

export const lentDOMException = typeof globalThis.DOMException === "function" ? null : DOMException;
if (lentDOMException !== null) {
  Object.defineProperty(globalThis, "DOMException", { value: lentDOMException, writable: true, configurable: true });
}
