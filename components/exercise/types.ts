// Shapes the exercise page's client components receive; nothing secret is ever in them.
import type { RunResult } from "@/lib/sandbox/types";

export type { RunResult };

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

export interface WorkbenchProps {
  slug: string;
  title: string;
  starter: string;
  visibleTests: string;
  testApiTypes: string;
  signedIn: boolean;
  initialDraft: string | null;
  hints: string[];
  hintsTotal: number;
  solved: boolean;
  submissions: SubmissionRow[];
}
