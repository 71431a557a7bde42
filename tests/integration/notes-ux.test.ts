import { describe, expect, it } from "vitest";
import { exportUserData, importUserData } from "@/lib/account/data";
import { signUp } from "@/lib/auth/accounts";
import { db } from "@/lib/db/client";
import { stripCodeFence } from "@/lib/notes/code-blocks";
import { changeDesignTimer, getDesignNote, nextTimer, readTimer } from "@/lib/notes/design-notes";
import { highlightNoteCode } from "@/lib/notes/highlight";
import { alignRetros, splitRetroAnswers } from "@/lib/notes/retros";
import { getPlan } from "@/lib/plan/content";
import { renderMarkdownToStaticHtml } from "./render-markdown";

async function newUser(email: string) {
  const result = await signUp({ name: email, email, password: "a long password" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.user.id;
}

describe("the design timer", () => {
  it("pauses and resumes keeping the time used, stored on the note", async () => {
    const user = await newUser("timer@example.test");
    const t0 = new Date("2026-12-03T10:00:00Z");
    expect(await changeDesignTimer(user, 6, "start", t0)).toEqual({ state: "running", startedAt: t0 });
    // Ten minutes in, a pause; a reload forty minutes later still shows ten minutes used.
    expect(await changeDesignTimer(user, 6, "pause", new Date("2026-12-03T10:10:00Z"))).toEqual({ state: "paused", elapsedMs: 600_000 });
    expect((await getDesignNote(user, 6))?.timer).toEqual({ state: "paused", elapsedMs: 600_000 });
    expect((await getDesignNote(user, 6))?.timerStartedAt).toBeNull();
    // Resuming at 10:50 counts from 10:40, so 35 minutes remain.
    expect(await changeDesignTimer(user, 6, "resume", new Date("2026-12-03T10:50:00Z"))).toEqual({ state: "running", startedAt: new Date("2026-12-03T10:40:00Z") });
    // Pausing twice or resuming a running timer changes nothing.
    expect(await changeDesignTimer(user, 6, "resume", new Date("2026-12-03T11:00:00Z"))).toEqual({ state: "running", startedAt: new Date("2026-12-03T10:40:00Z") });
    expect(nextTimer({ state: "idle" }, "pause", t0)).toEqual({ state: "idle" });
    expect(readTimer({ timerStartedAt: null, timerPausedMs: null })).toEqual({ state: "idle" });
    // Another user's note is untouched.
    const other = await newUser("timer-other@example.test");
    expect(await getDesignNote(other, 6)).toBeNull();
  });
});

describe("the design timer in an export", () => {
  it("keeps a paused timer paused through export and import, and reads files from before the pause column", async () => {
    const user = await newUser("timer-export@example.test");
    await changeDesignTimer(user, 7, "start", new Date("2026-12-03T10:00:00Z"));
    await changeDesignTimer(user, 7, "pause", new Date("2026-12-03T10:25:00Z"));
    const file = await exportUserData(user);
    expect(file.designNotes).toEqual([expect.objectContaining({ week: 7, timerStartedAt: null, timerPausedMs: 1_500_000 })]);
    await db.designNote.deleteMany({ where: { userId: user } });
    await importUserData(user, JSON.parse(JSON.stringify(file)));
    expect((await getDesignNote(user, 7))?.timer).toEqual({ state: "paused", elapsedMs: 1_500_000 });
    const older = { ...file, designNotes: [{ week: 8, sections: {}, timerStartedAt: "2026-12-01T09:00:00.000Z" }] };
    await importUserData(user, JSON.parse(JSON.stringify(older)));
    expect((await getDesignNote(user, 8))?.timer).toEqual({ state: "running", startedAt: new Date("2026-12-01T09:00:00.000Z") });
  });
});

describe("Mermaid and code in notes", () => {
  it("takes the code out of a pasted fence, and leaves plain Mermaid alone", () => {
    expect(stripCodeFence("```mermaid\ngraph TD\n  A-->B\n```")).toBe("graph TD\n  A-->B");
    expect(stripCodeFence("  ~~~mermaid\ngraph LR; A-->B\n~~~\n")).toBe("graph LR; A-->B");
    expect(stripCodeFence("```\nsequenceDiagram\n  A->>B: hi\n```")).toBe("sequenceDiagram\n  A->>B: hi");
    expect(stripCodeFence("graph TD; A-->B")).toBe("graph TD; A-->B");
  });

  it("draws a ```mermaid fence inside a section as a diagram, not as code", () => {
    const html = renderMarkdownToStaticHtml("Flow:\n\n```mermaid\ngraph TD; A-->B\n```\n\n```ts\nconst x = 1;\n```");
    expect(html).toContain('data-testid="mermaid"');
    expect(html).not.toContain("language-mermaid");
    expect(html).toContain('<code class="language-ts">const x = 1;</code>');
  });

  it("highlights fenced code on the server with the lessons' themes, and uses it when rendering", async () => {
    const md = "## What went well\n\n```ts\nconst answer: number = 42;\n```\n\n```mermaid\ngraph TD; A-->B\n```\n\n```nosuchlang\nplain\n```";
    const highlighted = await highlightNoteCode(md);
    expect(Object.keys(highlighted)).toEqual(["ts\nconst answer: number = 42;"]);
    expect(Object.values(highlighted)[0]).toMatch(/class="shiki shiki-themes github-light github-dark"/);
    const html = renderMarkdownToStaticHtml(md, highlighted);
    expect(html).toContain('data-highlighted="ts"');
    expect(html).toContain("--shiki-dark");
  });
});

describe("retrospectives question by question", () => {
  const { questions } = getPlan().retrospective;
  const [q1, q2] = questions;

  it("ties answers to the template's questions, whatever the order, and keeps extra headings", () => {
    const body = `Intro line\n\n## ${q2!.prompt}\n\nSecond answer\n\n\`\`\`md\n## not a heading\n\`\`\`\n\n## ${q1!.prompt.toUpperCase()}\n\nFirst answer\n\n## My own heading\n\nMore`;
    const parts = splitRetroAnswers(body, questions);
    expect(parts.map((p) => [p.questionId, p.answer])).toEqual([
      [null, "Intro line"],
      [q2!.id, "Second answer\n\n```md\n## not a heading\n```"],
      [q1!.id, "First answer"],
      [null, "More"],
    ]);
  });

  it("aligns two weeks row by row, with the template order first", () => {
    const left = `## ${q1!.prompt}\n\nStreams\n\n## ${q2!.prompt}\n\nBackpressure`;
    const right = `## ${q2!.prompt}\n\nRetries\n\n## Extra\n\nNote`;
    const rows = alignRetros(questions, left, right);
    expect(rows.slice(0, 2)).toEqual([
      { heading: q1!.prompt, questionId: q1!.id, left: "Streams", right: "" },
      { heading: q2!.prompt, questionId: q2!.id, left: "Backpressure", right: "Retries" },
    ]);
    expect(rows).toHaveLength(questions.length + 1);
    expect(rows.at(-1)).toEqual({ heading: "Extra", questionId: null, left: "", right: "Note" });
    expect(alignRetros(questions, null, right)[1]).toMatchObject({ left: null, right: "Retries" });
  });
});
