// monaco-vim imports Monaco's ESM API; next.config.ts points that import here, at the Monaco
// instance this app loads itself from /monaco (a second, bundled copy would be megabytes and would
// not drive the editor on the page). Only evaluated in the browser, once the editor has loaded.
module.exports = globalThis.monaco;
