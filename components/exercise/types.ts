// Shapes the exercise page's client components receive; nothing secret is ever in them.
import type { ExerciseKind } from "@/lib/content/schema";
import type { SqlTableInfo } from "@/lib/sandbox/sql/types";
import type { LoopPhase, PredictOutcome, PredictStep, RunResult } from "@/lib/sandbox/types";

export type { ExerciseKind, LoopPhase, PredictOutcome, PredictStep, RunResult, SqlTableInfo };

export interface SubmissionRow {
  id: string;
  status: string;
  passed: number;
  total: number;
  durationMs: number;
  createdAt: string;
}

export interface SubmissionDetail extends SubmissionRow {
  code: string;
  tests: Array<{ name: string; status: "passed" | "failed"; hidden: boolean; message?: string; durationMs: number }>;
}

/** What GET /solution (once solved) and, for predict exercises, POST /solution (giving up) answer. */
export interface SolutionReveal {
  /** The reference solution; for predict exercises, the program's output. */
  solution: string;
  walkthrough?: PredictStep[];
  notes?: string;
}

export interface WorkbenchProps {
  slug: string;
  title: string;
  kind: ExerciseKind;
  starter: string;
  visibleTests: string;
  testApiTypes: string;
  /** `node` exercises: the declarations of the sandbox's Node modules and web globals. */
  runtimeTypes?: string;
  /** `sql` and `sql-code` exercises: the tables the learner's SQL runs against, shown under the instructions. */
  schema?: SqlTableInfo[];
  signedIn: boolean;
  initialDraft: string | null;
  /** The learner's own tests ("My tests"), as last saved; null when never written. */
  initialMyTests: string | null;
  hints: string[];
  hintsTotal: number;
  solved: boolean;
  submissions: SubmissionRow[];
}
