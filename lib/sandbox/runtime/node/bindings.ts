import type { RuntimeHost, WebGlobals } from "./host.ts";

/*
 * The ports (readable-stream, buffer...) initialise when the bundle is evaluated, before the
 * harness calls createNodeModules(host, web). Everything that needs the host or the web globals
 * therefore reaches them through these bindings at call time. They live in the bundle's closure,
 * out of reach of user code.
 */
let boundHost: RuntimeHost | undefined;
let boundWeb: WebGlobals | undefined;

export function bindRuntime(host: RuntimeHost, web: WebGlobals): void {
  boundHost = host;
  boundWeb = web;
}

export function runtimeHost(): RuntimeHost {
  if (boundHost === undefined) throw new Error("Node runtime used before createNodeModules(host, web)");
  return boundHost;
}

export function webGlobals(): WebGlobals {
  if (boundWeb === undefined) throw new Error("Node runtime used before createNodeModules(host, web)");
  return boundWeb;
}
