"use client";

import type { OnMount } from "@monaco-editor/react";

type EditorInstance = Parameters<OnMount>[0];

/**
 * Turns Vim keybindings on for an editor, with their status line (mode, pending keys, : commands)
 * in `statusLine`. monaco-vim is imported here only, on demand: learners who never switch Vim on
 * never download it. Resolves to the function that turns it off again.
 */
export async function enableVimMode(editor: EditorInstance, statusLine: HTMLElement): Promise<() => void> {
  const { initVimMode } = await import("monaco-vim");
  const vim = initVimMode(editor, statusLine);
  return () => vim.dispose();
}
