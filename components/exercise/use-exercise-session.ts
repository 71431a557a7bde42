"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "./api";
import type { RunResult, SolutionReveal, SubmissionDetail, SubmissionRow, WorkbenchProps } from "./types";

export type SaveState = "saved" | "saving" | "unsaved" | "error" | "local";
export type RunMode = "run" | "submit";

/** What an answer pane lets the session do to the text it owns (Monaco keeps its own text). */
export interface AnswerHandle {
  replace(text: string): void;
}

type SessionProps = Pick<WorkbenchProps, "slug" | "signedIn" | "starter" | "initialDraft" | "hints" | "solved" | "submissions">;

const BUSY: RunResult = { status: "busy", tests: [], console: [], durationMs: 0, error: { message: "The sandbox is busy." } };

/**
 * Everything about one learner's work on one exercise that is not how it looks: the answer text and
 * its autosave (or its copy in this browser when signed out), runs and submissions, history, hints
 * and the reference once it may be shown. Kind-agnostic: the answer is a string, whatever the pane.
 */
export function useExerciseSession({ slug, signedIn, starter, initialDraft, ...initial }: SessionProps) {
  const localKey = `deepend:draft:${slug}`;
  const initialText = initialDraft ?? starter;
  const [saveState, setSaveState] = useState<SaveState>(signedIn ? "saved" : "local");
  const [result, setResult] = useState<RunResult | null>(null);
  /** The last run's mode and the text it ran: results describe that text, not what is typed since. */
  const [lastRun, setLastRun] = useState<{ mode: RunMode; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [hints, setHints] = useState(initial.hints);
  const [solved, setSolved] = useState(initial.solved);
  const [submissions, setSubmissions] = useState<SubmissionRow[]>(initial.submissions);
  const [opened, setOpened] = useState<SubmissionDetail | null>(null);
  const [reveal, setReveal] = useState<SolutionReveal | null>(null);
  /** The pane owns its text; this mirrors it for saving and running without re-rendering per key. */
  const textRef = useRef(initialText);
  const savedText = useRef(initialText);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const answerRef = useRef<AnswerHandle | null>(null);

  const saveNow = useCallback(
    async (text: string, keepalive = false) => {
      if (!signedIn) return;
      setSaveState("saving");
      const response = await api<{ updatedAt: string }>(`/api/exercises/${slug}/draft`, { method: "PUT", body: JSON.stringify({ code: text }), keepalive });
      if (response.ok) {
        savedText.current = text;
        window.localStorage.removeItem(localKey);
        setSaveState(textRef.current === text ? "saved" : "unsaved");
      } else {
        setSaveState("error");
        setMessage(response.error);
      }
    },
    [signedIn, slug, localKey],
  );

  /** The pane reports every change of its text here. */
  const edit = useCallback(
    (text: string) => {
      textRef.current = text;
      window.localStorage.setItem(localKey, text);
      if (!signedIn) return;
      setSaveState("unsaved");
      clearTimeout(saveTimer.current);
      saveTimer.current = setTimeout(() => void saveNow(text), 700);
    },
    [localKey, signedIn, saveNow],
  );

  // Leaving the page never loses the last keystrokes.
  useEffect(() => {
    const flush = () => {
      if (signedIn && textRef.current !== savedText.current) void saveNow(textRef.current, true);
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [saveNow, signedIn]);

  /**
   * Called by the pane once it can show text: what was typed in this browser (signed out, or before
   * signing in with no server draft yet) wins over the starter, and is adopted as the draft.
   */
  const adoptLocalDraft = useCallback((): string | null => {
    const local = window.localStorage.getItem(localKey);
    if (local === null || initialDraft !== null || local === starter) return null;
    textRef.current = local;
    if (signedIn) {
      setSaveState("unsaved");
      void saveNow(local);
    }
    return local;
  }, [localKey, initialDraft, starter, signedIn, saveNow]);

  /** Replaces the answer through its pane (one undoable edit in Monaco), or directly before it is ready. */
  const replaceAnswer = useCallback(
    (text: string) => {
      if (answerRef.current) answerRef.current.replace(text);
      else edit(text);
    },
    [edit],
  );

  const run = useCallback(
    async (mode: RunMode, extra: { myTests?: string } = {}): Promise<RunResult | null> => {
      if (!signedIn || pending) return null;
      const text = textRef.current;
      setPending(true);
      setLastRun({ mode, text });
      setMessage(null);
      // The learner's own tests go with Run only: Submit is judged by the exercise's tests alone.
      const myTests = mode === "run" && extra.myTests?.trim() ? extra.myTests : undefined;
      const response = await api<{ result: RunResult; submission: SubmissionRow | null }>(`/api/exercises/${slug}/run`, { method: "POST", body: JSON.stringify({ code: text, mode, ...(myTests ? { myTests } : {}) }), signal: AbortSignal.timeout(60_000) });
      setPending(false);
      if (!response.ok && response.status !== 503) {
        setResult(null);
        setMessage(response.error);
        return null;
      }
      const data = response.ok ? response.data : null;
      const outcome = data?.result ?? BUSY;
      setResult(outcome);
      if (data?.submission) setSubmissions((list) => [data.submission!, ...list]);
      if (mode === "submit" && outcome.status === "passed") setSolved(true);
      return outcome;
    },
    [signedIn, pending, slug],
  );

  const revealHint = async () => {
    const response = await api<{ hints: string[] }>(`/api/exercises/${slug}/hints`, { method: "POST" });
    if (response.ok) setHints(response.data.hints);
    else setMessage(response.error);
  };

  const openSubmission = async (id: string) => {
    const response = await api<{ submission: SubmissionDetail }>(`/api/exercises/${slug}/submissions/${id}`);
    if (response.ok) setOpened(response.data.submission);
    else setMessage(response.error);
  };

  /**
   * The reference: GET once solved; POST gives up first (predict exercises). Resolves to whether it
   * came; the caller asks for confirmation, this only fetches.
   */
  const loadSolution = async (method: "GET" | "POST"): Promise<boolean> => {
    const response = await api<SolutionReveal>(`/api/exercises/${slug}/solution`, { method });
    if (!response.ok) {
      setMessage(response.error);
      return false;
    }
    setReveal(response.data);
    return true;
  };

  return {
    initialText,
    /** The answer as it is now (read at call time: it is not state). */
    currentText: () => textRef.current,
    answerRef,
    saveState,
    edit,
    adoptLocalDraft,
    replaceAnswer,
    run,
    pending,
    result,
    lastRun,
    message,
    report: setMessage,
    hints,
    revealHint,
    solved,
    submissions,
    opened,
    openSubmission,
    closeSubmission: () => setOpened(null),
    reveal,
    /** A reveal that came some other way, e.g. a predict walkthrough returned with a solving run. */
    setReveal,
    loadSolution,
  };
}

export type ExerciseSession = ReturnType<typeof useExerciseSession>;

/**
 * Ctrl/⌘ + Enter anywhere on the page (Shift for the other action); `onShortcut` may change every
 * render, the listener stays.
 */
export function useRunShortcut(onShortcut: (shift: boolean) => void): void {
  const latest = useRef(onShortcut);
  useEffect(() => {
    latest.current = onShortcut;
  }, [onShortcut]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        latest.current(e.shiftKey);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
