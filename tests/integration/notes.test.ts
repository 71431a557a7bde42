import { strFromU8, unzipSync } from "fflate";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import { describe, expect, it, vi } from "vitest";
import * as designRoute from "@/app/api/design/[week]/route";
import * as timerRoute from "@/app/api/design/[week]/timer/route";
import * as retroRoute from "@/app/api/retros/[week]/route";
import * as exportRoute from "@/app/api/retros/export/route";
import { focusOnChanges } from "@/components/notes/conflict-banner";
import { markdownOptions } from "@/components/notes/markdown-preview";
import { markdownToPlainText, noteExcerpt, retroTemplate, searchExcerpt, searchWords } from "@/components/notes/text";
import { signUp, type PublicUser } from "@/lib/auth/accounts";
import { getDesignNote, listDesignNotes, readSections, saveDesignNote, startDesignTimer } from "@/lib/notes/design-notes";
import { renderMarkdownToStaticHtml } from "./render-markdown";
import { getRetro, listRetros, matchRetros, saveRetro } from "@/lib/notes/retros";
import { MAX_NOTE_CHARS } from "@/lib/notes/versioned";

// The route handlers ask the session who is signed in; here the test decides.
const session = vi.hoisted(() => ({ user: null as PublicUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentUser: async () => session.user,
  requireUser: async () => {
    throw new Error("pages are not under test here");
  },
}));

let counter = 0;
async function user(name = "learner"): Promise<PublicUser> {
  counter += 1;
  const result = await signUp({ name, email: `${name}.${counter}@example.test`, password: "a long password" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.user;
}

function expectOk<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: true }> {
  expect(outcome.ok).toBe(true);
  return outcome as Extract<T, { ok: true }>;
}

function expectConflict<T extends { ok: boolean }>(outcome: T): Extract<T, { ok: false }> {
  expect(outcome.ok).toBe(false);
  return outcome as Extract<T, { ok: false }>;
}

describe("retrospectives: versioned saves", () => {
  it("refuses a save based on an old version and hands back the stored text; the new version saves", async () => {
    const a = await user();
    const first = expectOk(await saveRetro(a.id, 3, "draft", 0));
    expect(first.version).toBe(1);

    // Two tabs both start from version 1.
    const tabOne = expectOk(await saveRetro(a.id, 3, "tab one's text", first.version));
    expect(tabOne.version).toBe(2);
    const tabTwo = expectConflict(await saveRetro(a.id, 3, "tab two's text", first.version));
    expect(tabTwo.conflict).toMatchObject({ version: 2, value: "tab one's text" });
    expect(tabTwo.conflict.updatedAt).toBeInstanceOf(Date);
    expect((await getRetro(a.id, 3))?.body).toBe("tab one's text");

    // Keeping tab two's text: save again based on the version the conflict named.
    const kept = expectOk(await saveRetro(a.id, 3, "tab two's text", tabTwo.conflict.version));
    expect(kept.version).toBe(3);
    expect(await getRetro(a.id, 3)).toMatchObject({ week: 3, body: "tab two's text", version: 3 });
  });

  it("creating from baseVersion 0 twice: the second is a conflict with the first's text", async () => {
    const a = await user();
    expectOk(await saveRetro(a.id, 1, "first", 0));
    const second = expectConflict(await saveRetro(a.id, 1, "second", 0));
    expect(second.conflict).toMatchObject({ version: 1, value: "first" });
    expect((await getRetro(a.id, 1))?.body).toBe("first");
  });

  it("keeps users apart: B cannot read or change A's retrospective", async () => {
    const a = await user("alice");
    const b = await user("bob");
    expectOk(await saveRetro(a.id, 2, "alice's secret retro", 0));
    expectOk(await saveRetro(a.id, 2, "alice's secret retro, v2", 1));

    expect(await getRetro(b.id, 2)).toBeNull();
    expect(await listRetros(b.id)).toEqual([]);
    expect(matchRetros(await listRetros(b.id), searchWords("secret"))).toEqual([]);

    // B naming A's version (2) changes nothing of A's: B gets a row of B's own.
    const mine = expectOk(await saveRetro(b.id, 2, "bob's text", 2));
    expect(mine.version).toBe(1);
    expect(await getRetro(a.id, 2)).toMatchObject({ body: "alice's secret retro, v2", version: 2 });
    expect(await getRetro(b.id, 2)).toMatchObject({ body: "bob's text", version: 1 });
    expect((await listRetros(a.id)).map((r) => r.body)).toEqual(["alice's secret retro, v2"]);
  });

  it("searches the user's retrospectives: every word, any case", async () => {
    const a = await user();
    const b = await user();
    await saveRetro(a.id, 1, "## Patterns\n\nThe Event Loop phases and backpressure.", 0);
    await saveRetro(a.id, 2, "## Patterns\n\nIndexes in Postgres.", 0);
    await saveRetro(a.id, 3, "Backpressure again, in streams.", 0);
    await saveRetro(b.id, 1, "event loop for bob", 0);

    expect(matchRetros(await listRetros(a.id), searchWords("event LOOP")).map((r) => r.week)).toEqual([1]);
    expect(matchRetros(await listRetros(a.id), searchWords("backpressure")).map((r) => r.week)).toEqual([1, 3]);
    expect(matchRetros(await listRetros(a.id), searchWords("backpressure postgres")).map((r) => r.week)).toEqual([]);
    expect(matchRetros(await listRetros(a.id), searchWords("   "))).toEqual([]);
  });
});

describe("design notes: versioned saves", () => {
  it("reads stored sections one by one: a section that no longer fits is dropped alone", () => {
    const stored = JSON.stringify({ requirements: "1M users", "old-section": "renamed since", api: 42, learnings: "x".repeat(MAX_NOTE_CHARS + 1), diagram: "graph TD; A-->B" });
    expect(readSections(stored)).toEqual({ requirements: "1M users", diagram: "graph TD; A-->B" });
    expect(readSections("not json")).toEqual({});
    expect(readSections("[1, 2]")).toEqual({});
  });

  it("detects conflicts on sections and saves with the new version", async () => {
    const a = await user();
    const created = expectOk(await saveDesignNote(a.id, 6, { requirements: "1M users" }, 0));
    expectOk(await saveDesignNote(a.id, 6, { requirements: "1M users", diagram: "graph TD; A-->B" }, created.version));
    const stale = expectConflict(await saveDesignNote(a.id, 6, { api: "POST /posts" }, created.version));
    expect(stale.conflict.value).toEqual({ requirements: "1M users", diagram: "graph TD; A-->B" });
    expectOk(await saveDesignNote(a.id, 6, { api: "POST /posts" }, stale.conflict.version));
    expect((await getDesignNote(a.id, 6))?.sections).toEqual({ api: "POST /posts" });

    expectOk(await saveDesignNote(a.id, 7, {}, 0));
    expect(expectConflict(await saveDesignNote(a.id, 7, { api: "x" }, 0)).conflict).toMatchObject({ version: 1, value: {} });
  });

  it("stores the timer start; starting it creates an empty note the first save can build on", async () => {
    const a = await user();
    const startedAt = await startDesignTimer(a.id, 8);
    const note = await getDesignNote(a.id, 8);
    expect(note).toMatchObject({ week: 8, sections: {}, version: 1, timerStartedAt: startedAt });

    // A page opened before the timer started saves from version 0: a conflict with an empty note
    // (which the editor resolves by saving again on top of it).
    expect(expectConflict(await saveDesignNote(a.id, 8, { learnings: "x" }, 0)).conflict).toMatchObject({ version: 1, value: {} });
    expectOk(await saveDesignNote(a.id, 8, { learnings: "x" }, 1));

    // Restarting keeps the text and the version.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const restarted = await startDesignTimer(a.id, 8);
    expect(restarted.getTime()).toBeGreaterThan(startedAt.getTime());
    expect(await getDesignNote(a.id, 8)).toMatchObject({ sections: { learnings: "x" }, version: 2, timerStartedAt: restarted });
  });

  it("keeps users apart: B cannot read or change A's design note", async () => {
    const a = await user("alice");
    const b = await user("bob");
    expectOk(await saveDesignNote(a.id, 9, { requirements: "alice's" }, 0));
    await startDesignTimer(a.id, 9);

    expect(await getDesignNote(b.id, 9)).toBeNull();
    expect(await listDesignNotes(b.id)).toEqual([]);
    expectOk(await saveDesignNote(b.id, 9, { requirements: "bob's" }, 1));
    await startDesignTimer(b.id, 10);

    expect(await getDesignNote(a.id, 9)).toMatchObject({ sections: { requirements: "alice's" }, version: 1 });
    expect(await getDesignNote(b.id, 9)).toMatchObject({ sections: { requirements: "bob's" }, version: 1 });
    expect((await listDesignNotes(a.id)).map((n) => n.week)).toEqual([9]);
  });
});

describe("route handlers", () => {
  const params = (week: string) => ({ params: Promise.resolve({ week }) });
  const put = (body: unknown) => new Request("http://localhost/api", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const get = () => new Request("http://localhost/api");

  it("require sign-in (401 JSON)", async () => {
    session.user = null;
    for (const response of [
      await retroRoute.GET(get(), params("1")),
      await retroRoute.PUT(put({ body: "x", baseVersion: 0 }), params("1")),
      await designRoute.GET(get(), params("6")),
      await designRoute.PUT(put({ sections: {}, baseVersion: 0 }), params("6")),
      await timerRoute.POST(get(), params("6")),
      await exportRoute.GET(),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: "Sign in to do this." });
    }
  });

  it("validate the week (1-20 for retros, 6-20 for design notes) and the body (400 JSON)", async () => {
    session.user = await user();
    for (const week of ["0", "21", "1.5", "-1", "1e1", "0x1", "abc", ""]) {
      const response = await retroRoute.PUT(put({ body: "x", baseVersion: 0 }), params(week));
      expect(response.status, week).toBe(400);
      expect((await response.json()).error).toMatch(/from 1 to 20/);
    }
    for (const week of ["5", "21", "x"]) {
      expect((await designRoute.PUT(put({ sections: {}, baseVersion: 0 }), params(week))).status, week).toBe(400);
      expect((await timerRoute.POST(get(), params(week))).status, week).toBe(400);
    }
    expect((await retroRoute.PUT(put({ body: "x" }), params("1"))).status).toBe(400);
    expect((await retroRoute.PUT(put({ body: "x", baseVersion: -1 }), params("1"))).status).toBe(400);
    const tooLong = await retroRoute.PUT(put({ body: "x".repeat(MAX_NOTE_CHARS + 1), baseVersion: 0 }), params("1"));
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).error).toMatch(/under 100,000 characters/);
    expect((await designRoute.PUT(put({ sections: { nope: "x" }, baseVersion: 0 }), params("6"))).status).toBe(400);
    expect((await designRoute.PUT(put({ sections: { api: 42 }, baseVersion: 0 }), params("6"))).status).toBe(400);
    expect(await getRetro(session.user.id, 1)).toBeNull();
  });

  it("save a retrospective: 200 with the version, 409 with the stored text", async () => {
    session.user = await user();
    const first = await retroRoute.PUT(put({ body: "mine", baseVersion: 0 }), params("4"));
    expect(first.status).toBe(200);
    const saved = await first.json();
    expect(saved).toEqual({ version: 1, updatedAt: expect.any(String) });

    const stale = await retroRoute.PUT(put({ body: "other tab", baseVersion: 0 }), params("4"));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toEqual({ error: expect.any(String), conflict: { version: 1, body: "mine", updatedAt: saved.updatedAt } });

    expect((await retroRoute.PUT(put({ body: "other tab", baseVersion: 1 }), params("4"))).status).toBe(200);
    expect(await (await retroRoute.GET(get(), params("4"))).json()).toMatchObject({ week: 4, body: "other tab", version: 2 });
    expect((await retroRoute.GET(get(), params("5"))).status).toBe(404);
  });

  it("save a design note and start its timer", async () => {
    session.user = await user();
    const timer = await timerRoute.POST(get(), params("6"));
    expect(timer.status).toBe(200);
    const { startedAt } = await timer.json();
    expect(Date.parse(startedAt)).toBeGreaterThan(Date.now() - 60_000);

    const stale = await designRoute.PUT(put({ sections: { diagram: "graph TD; A-->B" }, baseVersion: 0 }), params("6"));
    expect(stale.status).toBe(409);
    expect((await stale.json()).conflict).toMatchObject({ version: 1, sections: {} });
    const saved = await designRoute.PUT(put({ sections: { diagram: "graph TD; A-->B" }, baseVersion: 1 }), params("6"));
    expect(await saved.json()).toMatchObject({ version: 2 });
    expect(await (await designRoute.GET(get(), params("6"))).json()).toMatchObject({ sections: { diagram: "graph TD; A-->B" }, timerStartedAt: startedAt });
  });

  it("export the user's retrospectives, and only theirs, as a zip of Markdown files", async () => {
    const a = await user("alice");
    const b = await user("bob");
    await saveRetro(a.id, 1, "# Week one\n\nÜnïcödé ✓", 0);
    await saveRetro(a.id, 12, "week twelve", 0);
    await saveRetro(b.id, 2, "bob's", 0);

    session.user = a;
    const response = await exportRoute.GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.zip"$/);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual(["week-01.md", "week-12.md"]);
    expect(strFromU8(files["week-01.md"]!)).toBe("# Week one\n\nÜnïcödé ✓");

    session.user = await user("carol");
    expect(Object.keys(unzipSync(new Uint8Array(await (await exportRoute.GET()).arrayBuffer())))).toEqual([]);
  });
});

describe("Markdown rendering of notes", () => {
  const tags = (html: string) => html.match(/<[a-z][^>]*>/gi) ?? [];

  it("sanitizes with rehype-sanitize's default (GitHub) schema, last", () => {
    expect(markdownOptions.rehypePlugins.at(-1)).toEqual([rehypeSanitize, defaultSchema]);
    // Its mark: ids are prefixed so a note cannot clobber the page's globals.
    expect(renderMarkdownToStaticHtml("x[^a]\n\n[^a]: y")).toContain('id="user-content-fn-a"');
  });

  it("renders script tags, javascript: links and event handlers inert", () => {
    const script = renderMarkdownToStaticHtml("<script>alert(1)</script>");
    expect(script).not.toMatch(/<script/i);
    expect(script).toContain("&lt;script&gt;alert(1)&lt;/script&gt;"); // shown as text, not lost

    for (const md of ["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))", "![x](javascript:alert(1))", "[x](vbscript:msgbox(1))", "[x](data:text/html,<script>alert(1)</script>)", "<a href=\"javascript:alert(1)\">x</a>", "[x]: javascript:alert(1)\n\n[x]"]) {
      const html = renderMarkdownToStaticHtml(md);
      expect(tags(html).join(" "), md).not.toMatch(/javascript:|vbscript:|data:/i);
    }

    const img = renderMarkdownToStaticHtml("<img src=x onerror=alert(1)>");
    expect(tags(img).join(" ")).not.toMatch(/onerror|<img/i);
    for (const md of ["<div onclick=\"alert(1)\">x</div>", "<iframe src=\"https://example.com\"></iframe>", "<style>body{display:none}</style>", "<svg onload=alert(1)>"]) {
      expect(tags(renderMarkdownToStaticHtml(md)).join(" "), md).not.toMatch(/onclick|onload|<iframe|<style|<svg|<div onclick/i);
    }
  });

  it("keeps GitHub-flavoured Markdown and safe links", () => {
    const html = renderMarkdownToStaticHtml("## Patterns\n\n- [x] done\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[docs](https://nodejs.org/en/docs) ~~old~~ `Promise<T>`\n\nA footnote[^1].\n\n[^1]: Here.");
    expect(html).toContain("<h2>Patterns</h2>");
    expect(html).toContain('<input type="checkbox" disabled="" checked=""/>');
    expect(html).toContain("<table>");
    expect(html).toContain('<a href="https://nodejs.org/en/docs" target="_blank" rel="noopener noreferrer">docs</a>');
    expect(html).toContain("<del>old</del>");
    expect(html).toContain("<code>Promise&lt;T&gt;</code>");
    // Footnote links point at the ids the sanitizer leaves.
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
  });
});

describe("note text helpers", () => {
  it("builds the retrospective template from the questions, as headings with room under each", () => {
    expect(retroTemplate([{ prompt: "What did I learn?" }, { prompt: "What surprised me?" }])).toBe("## What did I learn?\n\n\n## What surprised me?\n\n\n");
  });

  it("makes excerpts and highlights search words", () => {
    const md = "## Which patterns?\n\nThe **event loop** has [phases](https://x.test).\n\n- backpressure";
    expect(markdownToPlainText(md)).toBe("Which patterns? The event loop has phases. backpressure");
    expect(noteExcerpt(md)).toBe("The event loop has phases. backpressure");
    expect(noteExcerpt("## Only a question\n\n\n")).toBe("");
    expect(searchExcerpt(md, ["loop"]).filter((p) => p.hit)).toEqual([{ text: "loop", hit: true }]);
  });

  it("focuses a conflict on the lines that differ", () => {
    const common = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    const stored = [...common, "theirs", "end"].join("\n");
    const mine = [...common, "mine", "more of mine", "end"].join("\n");
    const view = focusOnChanges(stored, mine);
    expect(view.stored).toEqual([{ kind: "gap", lines: 8 }, { kind: "same", text: "line 8" }, { kind: "same", text: "line 9" }, { kind: "changed", text: "theirs" }, { kind: "same", text: "end" }]);
    expect(view.mine.filter((r) => r.kind === "changed")).toEqual([{ kind: "changed", text: "mine" }, { kind: "changed", text: "more of mine" }]);
    expect(focusOnChanges("a\nb", "a\nx\nb").stored).toEqual([{ kind: "same", text: "a" }, { kind: "nothing" }, { kind: "same", text: "b" }]);
  });
});
