"use client";

import { useEffect, useId, useState, useSyncExternalStore } from "react";

const DARK_QUERY = "(prefers-color-scheme: dark)";

/** Follows the system's light/dark setting, like the rest of the site's `dark:` styles. */
function usePrefersDark(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia(DARK_QUERY);
      media.addEventListener("change", onChange);
      return () => media.removeEventListener("change", onChange);
    },
    () => window.matchMedia(DARK_QUERY).matches,
    () => false,
  );
}

type Mermaid = (typeof import("mermaid"))["default"];
let mermaidPromise: Promise<Mermaid> | null = null;
// Mermaid is large and needs the DOM: loaded on the client, once, when a diagram is first shown.
const loadMermaid = () => (mermaidPromise ??= import("mermaid").then((m) => m.default));

let renderCount = 0;

type Result = { code: string; dark: boolean; svg: string } | { code: string; dark: boolean; error: string };

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() || "Mermaid could not read this diagram.";
}

/** Renders Mermaid code as an SVG diagram; a syntax error shows the parser's message instead. */
export function MermaidDiagram({ code }: { code: string }) {
  const dark = usePrefersDark();
  const baseId = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const [result, setResult] = useState<Result | null>(null);

  useEffect(() => {
    if (!code.trim()) return;
    let cancelled = false;
    // Wait for a pause in typing: rendering on every keystroke would flash parse errors.
    const timer = setTimeout(async () => {
      try {
        const mermaid = await loadMermaid();
        // strict: no scripts, no click handlers, labels sanitized (the SVG is inserted below).
        mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default", suppressErrorRendering: true, fontFamily: "ui-sans-serif, system-ui, sans-serif" });
        await mermaid.parse(code);
        const { svg } = await mermaid.render(`mermaid-${baseId}-${++renderCount}`, code);
        if (!cancelled) setResult({ code, dark, svg });
      } catch (error) {
        if (!cancelled) setResult({ code, dark, error: describe(error) });
      }
    }, 350);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [code, dark, baseId]);

  if (!code.trim()) {
    return <p className="text-sm text-zinc-500">Write Mermaid code (for example <code className="font-mono">graph TD; Client--&gt;API</code>) and the diagram appears here.</p>;
  }
  const stale = result !== null && (result.code !== code || result.dark !== dark);
  return (
    <div data-testid="mermaid" data-theme={result && !stale ? (result.dark ? "dark" : "light") : undefined} aria-busy={result === null || stale} className={stale ? "opacity-60 transition-opacity" : "transition-opacity"}>
      {result === null ? <p className="text-sm text-zinc-500">Drawing the diagram…</p> : null}
      {result && "error" in result ? (
        <div role="alert" data-testid="mermaid-error" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <p className="font-medium text-amber-900 dark:text-amber-200">The diagram has a syntax error</p>
          <pre className="mt-2 max-h-40 overflow-auto whitespace-pre-wrap font-mono text-xs text-amber-900/90 dark:text-amber-100/80">{result.error}</pre>
        </div>
      ) : null}
      {/* Mermaid's output in strict mode, sanitized by its own DOMPurify pass. */}
      {result && "svg" in result ? <div className="flex justify-center overflow-x-auto [&_svg]:h-auto [&_svg]:max-w-full" dangerouslySetInnerHTML={{ __html: result.svg }} /> : null}
    </div>
  );
}
