import { describe, expect, it } from "vitest";
import { renderLessonMarkdown } from "./markdown.ts";

const markdown = "## In code\n\n```ts\nconst answer = 42;\n```\n";

describe("lesson code blocks", () => {
  it("get a Copy button beside each highlighted block when asked", async () => {
    const { html } = await renderLessonMarkdown(markdown, { copyButtons: true });
    expect(html).toMatch(/<div class="code-block"><button type="button" class="copy-code" data-copy-code="">Copy<\/button><pre class="shiki/);
  });

  it("stay as they are otherwise (exercise statements)", async () => {
    const { html } = await renderLessonMarkdown(markdown);
    expect(html).not.toContain("copy-code");
    expect(html).toMatch(/^<h2[^>]*>In code.*<\/h2>\n<pre class="shiki/s);
  });
});
