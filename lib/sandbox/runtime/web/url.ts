// URL and URLSearchParams come from core-js-pure: a WHATWG port without Unicode tables (about 50 KB
// minified against about 290 KB for whatwg-url + tr46, which also needs a global TextEncoder).
import CoreURL from "core-js-pure/stable/url/index.js";
import CoreURLSearchParams from "core-js-pure/stable/url-search-params/index.js";

// core-js keeps its shared store (including the WeakMap of every URL's internal state) on the
// global object. It captures the store when it loads, so removing the global leaves URL working
// and keeps a solution from rewriting the state of URLs it did not create.
delete (globalThis as Record<string, unknown>)["__core-js_shared__"];

export const URL = CoreURL;
export const URLSearchParams = CoreURLSearchParams;
