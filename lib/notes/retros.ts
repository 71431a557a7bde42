import "server-only";
import { db } from "../db/client.ts";
import { saveVersioned, type SaveOutcome, type VersionedStore } from "./versioned.ts";

export interface RetroDoc {
  week: number;
  body: string;
  version: number;
  updatedAt: Date;
}

const SELECT = { week: true, body: true, version: true, updatedAt: true } as const;

export function getRetro(userId: string, week: number): Promise<RetroDoc | null> {
  return db.retrospective.findUnique({ where: { userId_week: { userId, week } }, select: SELECT });
}

export function listRetros(userId: string): Promise<RetroDoc[]> {
  return db.retrospective.findMany({ where: { userId }, orderBy: { week: "asc" }, select: SELECT });
}

function store(userId: string, week: number): VersionedStore<string> {
  return {
    read: async () => {
      const row = await getRetro(userId, week);
      return row && { value: row.body, version: row.version, updatedAt: row.updatedAt };
    },
    create: (body) => db.retrospective.create({ data: { userId, week, body }, select: { version: true, updatedAt: true } }),
    compareAndSet: async (body, version, updatedAt) => (await db.retrospective.updateMany({ where: { userId, week, version }, data: { body, version: version + 1, updatedAt } })).count,
  };
}

/** Saves when `baseVersion` is the stored version (0 = nothing stored yet); otherwise a conflict. */
export function saveRetro(userId: string, week: number, body: string, baseVersion: number): Promise<SaveOutcome<string>> {
  return saveVersioned(store(userId, week), body, baseVersion);
}

/**
 * The retrospectives in which every word appears (case-insensitive) in what the user wrote.
 * Heading lines are skipped: every retro starts from the same template questions, which would
 * otherwise match everything. `words` are already lowercased (searchWords()).
 */
export function matchRetros(retros: RetroDoc[], words: string[]): RetroDoc[] {
  if (words.length === 0) return [];
  const written = (body: string) => body.split("\n").filter((line) => !/^\s{0,3}#/.test(line)).join("\n").toLowerCase();
  return retros.filter((r) => {
    const text = written(r.body);
    return words.every((w) => text.includes(w));
  });
}

export interface RetroAnswer {
  /** The template question's id, or null for a heading the user added. */
  questionId: string | null;
  heading: string;
  answer: string;
}

const headingOf = (line: string) => /^\s{0,3}##\s+(.*?)\s*#*\s*$/.exec(line)?.[1] ?? null;
const sameText = (a: string, b: string) => a.trim().toLowerCase().replace(/\s+/g, " ") === b.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * A retrospective cut at its `##` headings, so two weeks can be read question by question. A
 * heading that is one of the template's questions is tied to it, even if reordered; any other
 * heading (and text before the first one) is kept under its own name, so nothing written is lost.
 */
export function splitRetroAnswers(body: string, questions: ReadonlyArray<{ id: string; prompt: string }>): RetroAnswer[] {
  const parts: RetroAnswer[] = [];
  let current: RetroAnswer = { questionId: null, heading: "", answer: "" };
  const lines: string[] = [];
  const flush = () => {
    current.answer = lines.join("\n").trim();
    if (current.heading || current.answer) parts.push(current);
    lines.length = 0;
  };
  let fence: string | null = null;
  for (const line of body.split("\n")) {
    // A "## " inside a code block is code, not a question.
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker : null;
    const heading = fence === null ? headingOf(line) : null;
    if (heading === null) {
      lines.push(line);
      continue;
    }
    flush();
    current = { questionId: questions.find((q) => sameText(q.prompt, heading))?.id ?? null, heading, answer: "" };
  }
  flush();
  return parts;
}

/** Rows for reading two retrospectives side by side: the template's questions first, in order, then any other headings. */
export function alignRetros(questions: ReadonlyArray<{ id: string; prompt: string }>, left: string | null, right: string | null): Array<{ heading: string; questionId: string | null; left: string | null; right: string | null }> {
  const a = left === null ? [] : splitRetroAnswers(left, questions);
  const b = right === null ? [] : splitRetroAnswers(right, questions);
  const answerOf = (parts: RetroAnswer[], id: string) => parts.filter((p) => p.questionId === id).map((p) => p.answer).join("\n\n");
  const rows: Array<{ heading: string; questionId: string | null; left: string | null; right: string | null }> = questions.map((q) => ({
    heading: q.prompt,
    questionId: q.id,
    left: left === null ? null : answerOf(a, q.id),
    right: right === null ? null : answerOf(b, q.id),
  }));
  // Other headings: matched by their text across the two weeks.
  const extras = new Map<string, { heading: string; left: string[]; right: string[] }>();
  for (const [side, parts] of [["left", a], ["right", b]] as const) {
    for (const p of parts.filter((p) => p.questionId === null)) {
      const key = p.heading.trim().toLowerCase();
      const row = extras.get(key) ?? { heading: p.heading || "Before the first question", left: [], right: [] };
      row[side].push(p.answer);
      extras.set(key, row);
    }
  }
  for (const row of extras.values()) rows.push({ heading: row.heading, questionId: null, left: left === null ? null : row.left.join("\n\n"), right: right === null ? null : row.right.join("\n\n") });
  return rows;
}
