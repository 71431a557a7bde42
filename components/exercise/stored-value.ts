"use client";

import { useSyncExternalStore } from "react";

// Values remembered in this browser, read through useSyncExternalStore: the server renders the
// fallback and the browser its stored value without an effect; other tabs' writes arrive as
// `storage` events, this tab's through `writeStoredValue`.
const listeners = new Set<() => void>();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The raw stored string for `key`, or null (always null while rendering on the server). */
export function useStoredValue(key: string): string | null {
  return useSyncExternalStore(subscribe, () => window.localStorage.getItem(key), () => null);
}

export function writeStoredValue(key: string, value: string): void {
  window.localStorage.setItem(key, value);
  for (const listener of listeners) listener();
}
