// Limits and constants of this isolate, from the host.
import { WeakSetCtor } from "./intrinsics.js";

export const hardened = new WeakSetCtor();

export const config = globalThis.__deependConfig;
delete globalThis.__deependConfig;
export const LIMITS = {
  consoleLines: config.consoleLines,
  consoleBytes: config.consoleBytes,
  timerFiringsPerTest: 100000,
  inspectLength: 2000,
};
export const EPOCH = 1700000000000;
