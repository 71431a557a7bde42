"use client";

import { useState } from "react";
import { useStoredValue, writeStoredValue } from "./stored-value";
import type { EditorKeymap, Preferences } from "@/lib/account/preferences";

export type EditorPreferences = Pick<Preferences, "editorKeymap" | "editorWrap">;

const DEFAULTS: EditorPreferences = { editorKeymap: "standard", editorWrap: false };
const LOCAL_KEY = "deepend:editor-preferences";

/** What this browser remembers for a signed-out learner; anything unexpected reads as the default. */
function parseLocal(raw: string | null): EditorPreferences {
  try {
    const value = JSON.parse(raw ?? "{}") as Record<string, unknown>;
    const keymap: EditorKeymap = value.editorKeymap === "vim" ? "vim" : "standard";
    return { editorKeymap: keymap, editorWrap: value.editorWrap === true };
  } catch {
    return DEFAULTS;
  }
}

/**
 * The editor's keymap and word wrap: a signed-in learner's are stored on their account (the page
 * passes them in, read on the server), a signed-out one's in this browser.
 */
export function useEditorPreferences(fromAccount: EditorPreferences | null) {
  const [account, setAccount] = useState(fromAccount);
  const localRaw = useStoredValue(LOCAL_KEY);
  const preferences = account ?? parseLocal(localRaw);

  /** Applies a change at once; resolves to an error message if the account could not store it. */
  const change = async (update: Partial<EditorPreferences>): Promise<string | null> => {
    const next = { ...preferences, ...update };
    if (!account) {
      writeStoredValue(LOCAL_KEY, JSON.stringify(next));
      return null;
    }
    const previous = account;
    setAccount(next);
    try {
      const response = await fetch("/api/account/preferences", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify(update) });
      if (!response.ok) throw new Error(`The server answered ${response.status}.`);
      const stored = (await response.json()) as Partial<EditorPreferences>;
      setAccount({ editorKeymap: stored.editorKeymap === "vim" ? "vim" : "standard", editorWrap: stored.editorWrap === true });
      return null;
    } catch (error) {
      setAccount(previous);
      return `Your editor setting was not saved: ${error instanceof Error ? error.message : "the server could not be reached"}`;
    }
  };

  return { preferences, change };
}
