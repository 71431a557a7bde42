"use client";

import { useMemo, useState, type ReactNode } from "react";
import { ActionBar, actionButton } from "../action-bar";
import { useEditorPreferences, type EditorPreferences } from "../editor-preferences";
import { InstructionsPane } from "../instructions-pane";
import { OutputPane } from "../output-pane";
import { ResultsPanel } from "../results-panel";
import { SubmissionDialog } from "../submission-dialog";
import type { WorkbenchProps } from "../types";
import { usePrefersDark } from "../use-prefers-dark";
import { useRunShortcut, type ExerciseSession, type RunMode } from "../use-exercise-session";
import { useWorkbenchView, WorkbenchLayout, type ResultsBadge } from "../workbench-layout";
import { EditorPane, type FileTab, type SolutionLanguage } from "./editor-pane";
import { useMyTests } from "./use-my-tests";

/**
 * `code`, `node` and `sql-code` exercises: a TypeScript solution against tests; `sql` exercises: SQL
 * statements against tests. Run (visible tests) and Submit (all).
 */
export function CodeWorkbench({ props, session, instructions, editorPreferences }: { props: WorkbenchProps; session: ExerciseSession; instructions: ReactNode; editorPreferences: EditorPreferences | null }) {
  const { slug, signedIn, starter } = props;
  const language: SolutionLanguage = props.kind === "sql" ? "sql" : "typescript";
  const view = useWorkbenchView();
  const [fileTab, setFileTab] = useState<FileTab>("solution");
  const { preferences, change: changePreferences } = useEditorPreferences(editorPreferences);
  const theme = usePrefersDark() ? "vs-dark" : "light";
  const myTests = useMyTests({ slug, signedIn, initial: props.initialMyTests, visibleTests: props.visibleTests });
  // No sticky scroll: exercise files are short, and its header went stale when code was replaced.
  const editorOptions = useMemo(
    () => ({ minimap: { enabled: false }, stickyScroll: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, automaticLayout: true, tabSize: 2, fixedOverflowWidgets: true, wordWrap: preferences.editorWrap ? ("on" as const) : ("off" as const) }),
    [preferences.editorWrap],
  );

  const run = (mode: RunMode) => {
    if (!signedIn || session.pending) return;
    view.showResults();
    void session.run(mode, { myTests: myTests.current() });
  };
  useRunShortcut((shift) => run(shift ? "submit" : "run"));

  const setPreference = async (update: Partial<EditorPreferences>) => {
    const error = await changePreferences(update);
    if (error) session.report(error);
  };

  const resetToStarter = () => {
    if (!window.confirm("Replace your code with the starter? Your current code will be lost (past submissions stay in History).")) return;
    session.replaceAnswer(starter);
  };

  const restore = () => {
    const submission = session.opened;
    if (!submission || !window.confirm("Restore this submission into the editor? Your current code will be replaced.")) return;
    session.closeSubmission();
    setFileTab("solution");
    view.setPhonePane("answer");
    session.replaceAnswer(submission.code);
  };

  const revealReference = async () => {
    if (!window.confirm("Spoiler: show the reference solution?")) return;
    if (await session.loadSolution("GET")) setFileTab("reference");
  };

  const { result, pending } = session;
  const passedCount = result?.tests.filter((t) => t.status === "passed").length ?? 0;
  const badge: ResultsBadge | null = pending ? { text: "…", tone: "pending" } : result ? { text: result.tests.length > 0 ? `${passedCount}/${result.tests.length}` : "!", tone: result.status === "passed" ? "passed" : "failed" } : null;

  return (
    <>
      <WorkbenchLayout
        view={view}
        solved={session.solved}
        badge={badge}
        instructions={<InstructionsPane instructions={instructions} session={session} hintsTotal={props.hintsTotal} signedIn={signedIn} schema={props.schema} />}
        answerLabel={language === "sql" ? "SQL" : "Code"}
        answer={
          <EditorPane
            language={language}
            session={session}
            fileTab={fileTab}
            onFileTab={setFileTab}
            reference={session.reveal?.solution ?? null}
            visibleTests={props.visibleTests}
            myTests={myTests}
            testApiTypes={props.testApiTypes}
            runtimeTypes={props.kind === "node" ? props.runtimeTypes : undefined}
            preferences={preferences}
            onPreference={(update) => void setPreference(update)}
            theme={theme}
            editorOptions={editorOptions}
            onShortcut={(shift) => run(shift ? "submit" : "run")}
          />
        }
        actions={
          <ActionBar
            session={session}
            slug={slug}
            signedIn={signedIn}
            signedOutText="to run your code and save it. What you type is kept in this browser meanwhile."
            buttons={
              <>
                <button type="button" onClick={() => run("run")} disabled={pending} className={actionButton.secondary} title="Ctrl/⌘ + Enter">
                  Run
                </button>
                <button type="button" onClick={() => run("submit")} disabled={pending} className={actionButton.primary} title="Ctrl/⌘ + Shift + Enter">
                  Submit
                </button>
              </>
            }
            afterButtons={
              <button type="button" onClick={resetToStarter} className={actionButton.quiet}>
                Reset<span className="max-sm:hidden"> to starter</span>
              </button>
            }
            whenSolved={
              session.reveal === null ? (
                <button type="button" onClick={() => void revealReference()} className={actionButton.quiet}>
                  Reveal reference solution
                </button>
              ) : null
            }
          />
        }
        output={<OutputPane view={view} session={session} signedIn={signedIn} results={<ResultsPanel result={result} mode={session.lastRun?.mode ?? null} pending={pending} solutionFile={language === "sql" ? "solution.sql" : "solution.ts"} />} emptyHistory="No submissions yet. Submit runs the hidden tests and records the attempt here." />}
      />
      {session.opened ? <SubmissionDialog submission={session.opened} currentCode={session.currentText} theme={theme} editorOptions={editorOptions} language={language} restoreLabel="Restore into editor" onRestore={restore} onClose={session.closeSubmission} /> : null}
    </>
  );
}
