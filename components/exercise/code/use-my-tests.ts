"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "../api";

/**
 * What "My tests" starts with: the visible tests' own import of the solution, and an example left
 * commented out, so that Run's results do not change until the learner writes a test.
 */
export function myTestsTemplate(visibleTests: string): string {
  const imports = visibleTests.split("\n").filter((line) => /^import .* from "\.\/solution";?$/.test(line.trim()));
  return [
    "// My tests: same API as the visible tests.",
    "// Run runs them too; Submit never does.",
    ...(imports.length > 0 ? imports : ['import * as solution from "./solution";']),
    "",
    '// describe("my tests", () => {',
    '//   it("does what I expect", () => {',
    "//     expect(...).toBe(...);",
    "//   });",
    "// });",
    "",
  ].join("\n");
}

/**
 * The learner's own test file: its text (owned by its editor, mirrored here), saved a moment
 * after each edit when signed in, or kept in this browser when not.
 */
export function useMyTests({ slug, signedIn, initial, visibleTests }: { slug: string; signedIn: boolean; initial: string | null; visibleTests: string }) {
  const localKey = `deepend:my-tests:${slug}`;
  const initialText = initial ?? myTestsTemplate(visibleTests);
  const textRef = useRef(initialText);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  const save = useCallback(
    async (text: string, keepalive = false) => {
      const response = await api<{ saved: boolean }>(`/api/exercises/${slug}/draft`, { method: "PUT", body: JSON.stringify({ myTests: text }), keepalive });
      setError(response.ok ? null : response.error);
    },
    [slug],
  );

  const edit = useCallback(
    (text: string) => {
      textRef.current = text;
      if (!signedIn) {
        window.localStorage.setItem(localKey, text);
        return;
      }
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(text), 800);
    },
    [signedIn, localKey, save],
  );

  /** Signed out: what this browser kept, if anything (the editor adopts it when it mounts). */
  const adoptLocal = useCallback((): string | null => {
    if (signedIn) return null;
    const local = window.localStorage.getItem(localKey);
    if (local !== null) textRef.current = local;
    return local;
  }, [signedIn, localKey]);

  // A pending save still goes out when the page is left.
  useEffect(() => {
    const flush = () => {
      if (timer.current === undefined || !signedIn) return;
      clearTimeout(timer.current);
      timer.current = undefined;
      void save(textRef.current, true);
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [save, signedIn]);

  return { initialText, current: () => textRef.current, edit, adoptLocal, error };
}

export type MyTests = ReturnType<typeof useMyTests>;
