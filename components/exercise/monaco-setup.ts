"use client";

import { loader, type EditorProps, type Monaco, type OnMount } from "@monaco-editor/react";

// Monaco and its TypeScript worker come from this app's own origin (copied by scripts/prepare.ts).
// Every module that renders an editor imports this one first.
loader.config({ paths: { vs: "/monaco/vs" } });

export type { Monaco };
export type EditorInstance = Parameters<OnMount>[0];
export type EditorOptions = NonNullable<EditorProps["options"]>;
