"use client";

import { useEffect, useState, useSyncExternalStore } from "react";

/**
 * Client side of versioned autosave (lib/notes/versioned.ts): debounced saves that name the version
 * they are based on, a copy of unsaved text in localStorage until the server has it, a flush when
 * the page is hidden or left, and a conflict state that keeps both texts until the user chooses.
 */
export type SaveStatus = "new" | "saved" | "unsaved" | "saving" | "conflict" | "error";

export interface StoredCopy<T> {
  value: T;
  version: number;
  updatedAt: string | null;
}

export interface DocState<T> {
  value: T;
  status: SaveStatus;
  /** The stored version that refused our save, shown beside ours until the user chooses. */
  conflict: StoredCopy<T> | null;
  error: string | null;
  /** Unsaved text from an earlier visit was put back from this browser. */
  restored: boolean;
}

export interface DocSaverOptions<T> {
  url: string;
  /** localStorage key; include the user so a shared browser never mixes accounts. */
  storageKey: string;
  initial: StoredCopy<T>;
  /** The PUT body for `value` based on `baseVersion`. */
  requestBody(value: T, baseVersion: number): unknown;
  /** The value out of untrusted JSON (a 409 answer's `conflict`, a localStorage copy), or null. */
  parse(raw: unknown): T | null;
  /** Name of the value's field in a 409 answer's `conflict` ("body", "sections"). */
  conflictField: string;
  equals(a: T, b: T): boolean;
  isBlank(value: T): boolean;
  delayMs?: number;
}

type Outcome<T> = { kind: "ok"; version: number; updatedAt: string } | { kind: "conflict"; stored: StoredCopy<T> } | { kind: "error"; message: string; retryMs: number | null };

// Browsers refuse keepalive requests over 64 KB; larger texts rely on the localStorage copy.
const KEEPALIVE_MAX_BYTES = 60_000;

export class DocSaver<T> {
  readonly #options: DocSaverOptions<T>;
  readonly #initialState: DocState<T>;
  #state: DocState<T>;
  #listeners = new Set<() => void>();
  /** The stored version our text is based on, and the value stored at that version. */
  #version: number;
  #saved: T;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight = false;
  #again = false;
  #restoredOnce = false;

  constructor(options: DocSaverOptions<T>) {
    this.#options = options;
    this.#version = options.initial.version;
    this.#saved = options.initial.value;
    this.#initialState = { value: options.initial.value, status: options.initial.version === 0 ? "new" : "saved", conflict: null, error: null, restored: false };
    this.#state = this.#initialState;
  }

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };
  getSnapshot = () => this.#state;
  getServerSnapshot = () => this.#initialState;

  #set(patch: Partial<DocState<T>>) {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener();
  }

  #cleanStatus(): SaveStatus {
    return this.#version === 0 ? "new" : "saved";
  }

  edit(value: T) {
    const conflict = this.#state.conflict;
    this.#set({ value, status: conflict ? "conflict" : "unsaved", error: null });
    this.#backup();
    if (!conflict) this.#schedule(this.#options.delayMs ?? 800);
  }

  /** Saves now (after the one in flight, if any). Paused while a conflict waits for the user. */
  async save(keepalive = false): Promise<void> {
    clearTimeout(this.#timer);
    if (this.#state.conflict) return;
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    const value = this.#state.value;
    if (this.#options.equals(value, this.#saved)) {
      this.#clearBackup(value);
      this.#set({ status: this.#cleanStatus(), error: null });
      return;
    }
    this.#inFlight = true;
    this.#set({ status: "saving", error: null });
    let outcome: Outcome<T>;
    try {
      outcome = await this.#put(value, keepalive);
    } finally {
      this.#inFlight = false;
    }
    this.#apply(value, outcome);
    if (this.#again) {
      this.#again = false;
      void this.save();
    }
  }

  /** Conflict: save the local text over the stored one (based on the stored version now). */
  keepMine() {
    const conflict = this.#state.conflict;
    if (!conflict) return;
    this.#version = conflict.version;
    this.#saved = conflict.value;
    this.#set({ conflict: null, status: "unsaved" });
    this.#backup();
    void this.save();
  }

  /** Conflict: drop the local text for the stored one (the user chose to). */
  takeStored() {
    const conflict = this.#state.conflict;
    if (!conflict) return;
    this.#version = conflict.version;
    this.#saved = conflict.value;
    this.#set({ value: conflict.value, conflict: null, status: this.#cleanStatus(), error: null, restored: false });
    this.#removeBackup();
  }

  /** Starts listening to the page; returns the cleanup, which flushes unsaved text. */
  attach(): () => void {
    this.#restore();
    const flush = () => void this.save(true);
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      // Leaving by client-side navigation fires no pagehide.
      flush();
    };
  }

  #schedule(ms: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), ms);
  }

  #apply(value: T, outcome: Outcome<T>) {
    const { equals, isBlank } = this.#options;
    if (outcome.kind === "conflict" && equals(outcome.stored.value, value)) {
      // Already stored exactly as we have it (e.g. by a flush whose answer we never saw).
      outcome = { kind: "ok", version: outcome.stored.version, updatedAt: outcome.stored.updatedAt ?? new Date().toISOString() };
    }
    if (outcome.kind === "ok") {
      this.#version = outcome.version;
      this.#saved = value;
      if (equals(this.#state.value, value)) {
        this.#clearBackup(value);
        this.#set({ status: "saved", error: null });
      } else {
        this.#backup();
        this.#set({ status: "unsaved" });
        this.#schedule(this.#options.delayMs ?? 800);
      }
    } else if (outcome.kind === "conflict") {
      if (isBlank(outcome.stored.value)) {
        // An empty stored note (e.g. created by starting the design timer) loses nothing: save over it.
        this.#version = outcome.stored.version;
        this.#saved = outcome.stored.value;
        this.#again = true;
      } else {
        // The local text stays based on the old version until the user chooses, so a reload
        // (from the localStorage copy) shows the conflict again instead of saving over it.
        this.#set({ status: "conflict", conflict: outcome.stored });
        this.#backup();
      }
    } else {
      this.#set({ status: "error", error: outcome.message });
      if (outcome.retryMs !== null) this.#schedule(outcome.retryMs);
    }
  }

  async #put(value: T, keepalive: boolean): Promise<Outcome<T>> {
    const body = JSON.stringify(this.#options.requestBody(value, this.#version));
    let response: Response;
    try {
      response = await fetch(this.#options.url, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body,
        keepalive: keepalive && new Blob([body]).size <= KEEPALIVE_MAX_BYTES,
      });
    } catch {
      return { kind: "error", message: "The server cannot be reached. Your text is kept in this browser; saving again shortly.", retryMs: 5000 };
    }
    const json = (await response.json().catch(() => null)) as { version?: unknown; updatedAt?: unknown; error?: unknown; conflict?: Record<string, unknown> } | null;
    if (response.ok && typeof json?.version === "number") return { kind: "ok", version: json.version, updatedAt: String(json.updatedAt) };
    if (response.status === 409 && json?.conflict) {
      const stored = this.#options.parse(json.conflict[this.#options.conflictField]);
      const version = json.conflict.version;
      if (stored !== null && typeof version === "number") return { kind: "conflict", stored: { value: stored, version, updatedAt: typeof json.conflict.updatedAt === "string" ? json.conflict.updatedAt : null } };
    }
    if (response.status === 401) return { kind: "error", message: "You are signed out. Your text is kept in this browser: sign in again in another tab and it will be saved.", retryMs: 10_000 };
    const message = typeof json?.error === "string" ? json.error : `The server answered ${response.status}.`;
    return { kind: "error", message: `Not saved: ${message}`, retryMs: response.status >= 500 ? 5000 : null };
  }

  /** Puts back text an earlier visit typed but the server never got; diverged text is a conflict. */
  #restore() {
    if (this.#restoredOnce) return;
    this.#restoredOnce = true;
    const copy = this.#readBackup();
    if (!copy) return;
    const { equals, isBlank } = this.#options;
    if (equals(copy.value, this.#saved)) return this.#removeBackup();
    if (copy.version === this.#version || isBlank(this.#saved)) {
      this.#set({ value: copy.value, status: "unsaved", restored: true });
      this.#schedule(0);
    } else {
      this.#set({ value: copy.value, status: "conflict", restored: true, conflict: { value: this.#saved, version: this.#version, updatedAt: this.#options.initial.updatedAt } });
      this.#version = copy.version;
    }
  }

  #readBackup(): { value: T; version: number } | null {
    try {
      const raw = JSON.parse(window.localStorage.getItem(this.#options.storageKey) ?? "null") as { value?: unknown; version?: unknown } | null;
      const value = this.#options.parse(raw?.value);
      return value !== null && typeof raw?.version === "number" ? { value, version: raw.version } : null;
    } catch {
      return null;
    }
  }

  /** Keeps the local text with the stored version it is based on. */
  #backup() {
    try {
      window.localStorage.setItem(this.#options.storageKey, JSON.stringify({ value: this.#state.value, version: this.#version, at: new Date().toISOString() }));
    } catch {
      // Storage full or disabled: the server save is still attempted.
    }
  }

  /** Removes the copy only if it holds what was just saved: another tab may own a newer one. */
  #clearBackup(saved: T) {
    const copy = this.#readBackup();
    if (copy && this.#options.equals(copy.value, saved)) this.#removeBackup();
  }

  #removeBackup() {
    try {
      window.localStorage.removeItem(this.#options.storageKey);
    } catch {
      // Nothing to do.
    }
  }
}

/** The saver for one document, created once per mount, with its state. */
export function useDocSaver<T>(options: DocSaverOptions<T>): [DocState<T>, DocSaver<T>] {
  const [saver] = useState(() => new DocSaver(options));
  const state = useSyncExternalStore(saver.subscribe, saver.getSnapshot, saver.getServerSnapshot);
  useEffect(() => saver.attach(), [saver]);
  return [state, saver];
}
