"use client";

import { useEffect, useState, type ReactNode } from "react";
import { ActionBar, actionButton } from "../action-bar";
import { InstructionsPane } from "../instructions-pane";
import { OutputPane } from "../output-pane";
import { SubmissionDialog } from "../submission-dialog";
import type { WorkbenchProps } from "../types";
import { usePrefersDark } from "../use-prefers-dark";
import { useRunShortcut, type ExerciseSession } from "../use-exercise-session";
import { useWorkbenchView, WorkbenchLayout, type ResultsBadge } from "../workbench-layout";
import { PredictPane, type PredictTab } from "./predict-pane";
import { PredictResult } from "./predict-result";

const DIALOG_OPTIONS = { minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false, automaticLayout: true, lineNumbers: "on" as const };

/**
 * `predict` exercises: read a program, type what it prints. Submit is the only run (there are no
 * visible tests to try first); giving up shows the output with the walkthrough.
 */
export function PredictWorkbench({ props, session, instructions, program }: { props: WorkbenchProps; session: ExerciseSession; instructions: ReactNode; program: ReactNode }) {
  const { slug, signedIn } = props;
  const view = useWorkbenchView();
  const [tab, setTab] = useState<PredictTab>("predict");
  const theme = usePrefersDark() ? "vs-dark" : "light";
  const { result, pending, reveal, answerRef, adoptLocalDraft, edit } = session;
  /** A plain text area: unlike Monaco, it is fine as controlled state. */
  const [text, setText] = useState(session.initialText);
  const changeText = (next: string) => {
    setText(next);
    edit(next);
  };

  useEffect(() => {
    answerRef.current = {
      replace: (next) => {
        setText(next);
        edit(next);
      },
    };
    return () => {
      answerRef.current = null;
    };
  }, [answerRef, edit]);

  // What was typed in this browser is read after hydration: the server cannot know it.
  useEffect(() => {
    const local = adoptLocalDraft();
    if (local !== null) answerRef.current?.replace(local);
  }, [adoptLocalDraft, answerRef]);

  const submit = async () => {
    if (!signedIn || pending) return;
    view.showResults();
    const outcome = await session.run("submit");
    const solvedNow = outcome?.predict?.walkthrough;
    if (outcome?.status === "passed" && solvedNow) {
      session.setReveal({ solution: solvedNow.map((step) => step.line).join("\n"), walkthrough: solvedNow, notes: outcome.predict?.notes });
      setTab("walkthrough");
    }
  };
  useRunShortcut(() => void submit());

  const showWalkthrough = () => {
    setTab("walkthrough");
    view.setPhonePane("answer");
  };

  const giveUp = async () => {
    if (!window.confirm("Give up and see what the program prints, line by line, with the walkthrough?")) return;
    if (await session.loadSolution("POST")) showWalkthrough();
  };

  const openWalkthrough = async () => {
    if (reveal !== null || (await session.loadSolution("GET"))) showWalkthrough();
  };

  const clear = () => {
    if (!window.confirm("Clear your answer? Past submissions stay in History.")) return;
    session.replaceAnswer("");
  };

  const restore = () => {
    const submission = session.opened;
    if (!submission || !window.confirm("Restore this answer? Your current answer will be replaced.")) return;
    session.closeSubmission();
    setTab("predict");
    view.setPhonePane("answer");
    session.replaceAnswer(submission.code);
  };

  const outcome = result?.predict;
  const badge: ResultsBadge | null = pending ? { text: "…", tone: "pending" } : result ? { text: outcome ? `${outcome.matched}/${outcome.expectedLines}` : "!", tone: result.status === "passed" ? "passed" : "failed" } : null;
  /** The program's output, once solved or given up: what a wrong line should have been. */
  const output = reveal ? (reveal.walkthrough?.map((step) => step.line) ?? reveal.solution.split("\n")) : null;

  return (
    <>
      <WorkbenchLayout
        view={view}
        solved={session.solved}
        badge={badge}
        instructions={<InstructionsPane instructions={instructions} session={session} hintsTotal={props.hintsTotal} signedIn={signedIn} />}
        answerLabel="Program"
        answer={<PredictPane session={session} program={program} text={text} onText={changeText} tab={tab} onTab={setTab} />}
        actions={
          <ActionBar
            session={session}
            slug={slug}
            signedIn={signedIn}
            signedOutText="to check your answer and save it. What you type is kept in this browser meanwhile."
            buttons={
              <>
                <button type="button" onClick={() => void submit()} disabled={pending} className={actionButton.primary} title="Ctrl/⌘ + Enter">
                  Submit
                </button>
                {!session.solved && reveal === null ? (
                  <button type="button" onClick={() => void giveUp()} className={actionButton.quiet}>
                    Give up<span className="max-sm:hidden"> and show the walkthrough</span>
                  </button>
                ) : null}
              </>
            }
            afterButtons={
              <button type="button" onClick={clear} className={actionButton.quiet}>
                Clear
              </button>
            }
            whenSolved={
              reveal === null ? (
                <button type="button" onClick={() => void openWalkthrough()} className={actionButton.quiet}>
                  Show the walkthrough
                </button>
              ) : null
            }
          />
        }
        output={
          <OutputPane
            view={view}
            session={session}
            signedIn={signedIn}
            results={
              <div aria-live="polite">
                <PredictResult result={result} pending={pending} output={output} stale={session.lastRun !== null && outcome?.firstDifference != null && session.lastRun.text !== text} onWalkthrough={reveal?.walkthrough ? showWalkthrough : null} />
              </div>
            }
            emptyHistory="No answers yet. Submit compares yours with the program's output and records the attempt here."
          />
        }
      />
      {session.opened ? <SubmissionDialog submission={session.opened} currentCode={session.currentText} theme={theme} editorOptions={DIALOG_OPTIONS} language="plaintext" restoreLabel="Restore this answer" onRestore={restore} onClose={session.closeSubmission} /> : null}
    </>
  );
}
