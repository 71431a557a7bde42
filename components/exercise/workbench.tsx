"use client";

import type { ReactNode } from "react";
import { CodeWorkbench } from "./code/code-workbench";
import type { EditorPreferences } from "./editor-preferences";
import { PredictWorkbench } from "./predict/predict-workbench";
import type { WorkbenchProps } from "./types";
import { useExerciseSession } from "./use-exercise-session";

/**
 * The exercise page's interactive part. The session (answer, autosave, runs, history, hints,
 * reference) is the same for every kind; each kind brings its own answer area, actions and results.
 * A new kind is a new folder beside code/ and predict/, and one line here.
 */
export function ExerciseWorkbench({ instructions, program, editorPreferences, ...props }: WorkbenchProps & { instructions: ReactNode; program?: ReactNode; editorPreferences: EditorPreferences | null }) {
  const session = useExerciseSession(props);
  switch (props.kind) {
    case "predict":
      return <PredictWorkbench props={props} session={session} instructions={instructions} program={program} />;
    case "code":
    case "node":
    case "sql":
    case "sql-code":
      return <CodeWorkbench props={props} session={session} instructions={instructions} editorPreferences={editorPreferences} />;
  }
}
