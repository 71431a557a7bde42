// Libraries for test files only (never the solution): evaluated before lockdown, so they are frozen
// like the built-ins. fast-check runs property- and model-based tests inside the isolate.
import * as fc from "fast-check";

declare const __deependHarness: { registerTestModule(name: string, exports: unknown): void };

// Every run of a test file explores the same cases: a failure seen once is seen again, shrunk the same way.
fc.configureGlobal({ seed: 20261203, numRuns: 100, endOnFailure: false });
__deependHarness.registerTestModule("fast-check", { ...fc, default: fc, __esModule: true });
