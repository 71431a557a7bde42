import { z } from "zod";

/**
 * Autosave that never loses text: every save names the version it was based on. If the stored
 * version moved on (another tab, another device), the save is refused as a conflict and the caller
 * gets the stored text to show beside its own.
 */
export type SaveOutcome<T> = { ok: true; version: number; updatedAt: Date } | { ok: false; conflict: { version: number; value: T; updatedAt: Date } };

export const MAX_NOTE_CHARS = 100_000;
export const noteTextSchema = z.string().max(MAX_NOTE_CHARS, `Keep a note under ${MAX_NOTE_CHARS.toLocaleString("en")} characters.`);
/** 0 means "new: nothing stored yet". */
export const baseVersionSchema = z.number().int().min(0);

/** What a table offers for versioned saves; see saveVersioned. */
export interface VersionedStore<T> {
  read(): Promise<{ value: T; version: number; updatedAt: Date } | null>;
  create(value: T): Promise<{ version: number; updatedAt: Date }>;
  /**
   * Updates only if the stored version is `baseVersion`, to `baseVersion + 1` and `updatedAt`, in
   * one statement; returns rows changed.
   */
  compareAndSet(value: T, baseVersion: number, updatedAt: Date): Promise<number>;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export async function saveVersioned<T>(store: VersionedStore<T>, value: T, baseVersion: number): Promise<SaveOutcome<T>> {
  if (baseVersion === 0) {
    try {
      return { ok: true, ...(await store.create(value)) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  } else {
    // What was written is known: reading it back would cost a query and could return another
    // tab's later save, which this tab would then overwrite as its own base.
    const updatedAt = new Date();
    if ((await store.compareAndSet(value, baseVersion, updatedAt)) === 1) return { ok: true, version: baseVersion + 1, updatedAt };
  }
  const current = await store.read();
  if (!current) return saveVersioned(store, value, 0);
  return { ok: false, conflict: current };
}
