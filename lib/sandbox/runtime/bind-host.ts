// Evaluated before every other module of the Node runtime bundle: binds the harness's host, so that
// modules using the event loop while they initialise find it (createNodeModules binds it again, with
// the web globals).
import { bindRuntime } from "./node/bindings.ts";
import type { RuntimeHost } from "./node/host.ts";

declare const __deependHarness: { host: RuntimeHost };

bindRuntime(__deependHarness.host, undefined as never);
