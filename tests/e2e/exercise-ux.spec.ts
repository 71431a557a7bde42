// The exercise page as a learner meets it (issue #10): fast typing, the problems counter, the phone
// layout, the resizable editor, failure details, dialogs, inline Markdown, word wrap and Vim, and
// the exercise filters. Desktop 1280×800 and phone 390×844, light and dark, with screenshots.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const SHOTS = path.resolve("docs/screenshots/issue-10/after");
const lru = (file: string) => fs.readFileSync(path.resolve("content/exercises/lru-cache", file), "utf8");
const reference = lru("solution.ts");
/** The reference with `get` forgetting its value: the first visible test fails on `expect(cache.get("a")).toBe(1)`. */
const forgetful = reference.replace(/return node\.value;/, "return undefined;");
/** The reference with `get` spinning forever: the first visible test hangs. */
const spinning = reference.replace(/(get\(key: K\): V \| undefined \{)/, "$1\n    for (;;) {}");

type Monaco = { editor: { getModels(): Array<{ uri: { path: string }; getValue(): string; setValue(v: string): void }>; getEditors(): Array<{ getOption(id: number): unknown; getModel(): { uri: { path: string } } | null }>; EditorOption: { wordWrap: number } } };

async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => (window as unknown as { monaco: Monaco }).monaco.editor.getModels().find((m) => m.uri.path === "/solution.ts")!.setValue(text), code);
}
async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as { monaco: Monaco }).monaco.editor.getModels().find((m) => m.uri.path === "/solution.ts")!.getValue());
}
async function solutionWordWrap(page: Page): Promise<unknown> {
  return page.evaluate(() => {
    const { editor } = (window as unknown as { monaco: Monaco }).monaco;
    return editor.getEditors().find((e) => e.getModel()?.uri.path === "/solution.ts")!.getOption(editor.EditorOption.wordWrap);
  });
}

/** Attaches a screenshot to the report; with `file` and SAVE_SCREENSHOTS=1, also keeps it (JPEG) as an "after" picture. */
async function shot(page: Page, testInfo: TestInfo, name: string, file?: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
  if (file && process.env.SAVE_SCREENSHOTS === "1") {
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${file}.jpg`), type: "jpeg", quality: 70 });
  }
}

/** Signs up at desktop width (the header's account link is hidden on phones), then opens the exercise. */
async function startOn(page: Page, exercise = "lru-cache", viewport = DESKTOP): Promise<void> {
  await blockExternalNetwork(page);
  await page.setViewportSize(DESKTOP);
  await signUp(page, uniqueUser("ux"), `/exercises/${exercise}`);
  await page.setViewportSize(viewport);
  await page.goto(`/exercises/${exercise}`);
  await expect(page.locator('[data-testid="editor-pane"] .monaco-editor').first()).toBeVisible();
}

async function height(page: Page, testId: string): Promise<number> {
  return (await page.getByTestId(testId).boundingBox())!.height;
}

test.describe("desktop", () => {
  test.use({ viewport: DESKTOP, colorScheme: "light" });

  test("2 + 3: fast typing keeps every key, and a clean draft reloads as “No errors”", async ({ page }, testInfo) => {
    await startOn(page);
    await setCode(page, reference);
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
    await page.reload();
    // Clean code in a fresh model produces no markers event: the count must still arrive.
    await expect(page.getByTestId("problems")).toHaveText("No errors", { timeout: 30_000 });
    await shot(page, testInfo, "clean draft after reload", "3-no-errors-desktop-light");

    const sentence = "// The quick brown fox jumps over the lazy dog while a fast typist keeps every single keystroke 0123456789";
    await page.locator('[data-testid="editor-pane"] .monaco-editor').first().click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(sentence, { delay: 5 });
    await expect.poll(() => editorText(page)).toContain(sentence);
    await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
    await shot(page, testInfo, "typed fast");
    await page.reload();
    await expect(page.locator('[data-testid="editor-pane"] .monaco-editor').first()).toBeVisible();
    await expect.poll(() => editorText(page)).toContain(sentence);
    await expect(page.getByTestId("problems")).toHaveText("No errors", { timeout: 30_000 });
  });

  test("6 + 7: the editor keeps its height on Run, resizes by pointer and keys; failures name the test line", async ({ page }, testInfo) => {
    await startOn(page);
    const separator = page.getByRole("separator", { name: "Resize editor and results" });
    const before = await height(page, "editor-pane");
    expect(before).toBeGreaterThan(300);

    await setCode(page, forgetful);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
    expect(Math.abs((await height(page, "editor-pane")) - before)).toBeLessThan(2);
    const failure = page.locator('[data-test-status="failed"]').first();
    await expect(failure.getByTestId("failed-at")).toHaveText(/^visible\.test\.ts:8\s*expect\(cache\.get\("a"\)\)\.toBe\(1\)$/);
    await expect(failure).toContainText("expected undefined to be 1");
    await shot(page, testInfo, "failure with its test line", "7-failed-line-desktop-light");

    // Drag the separator up by 120 px: the editor loses about that much, and keeps it after a reload.
    const box = (await separator.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 6 });
    await page.mouse.up();
    const dragged = await height(page, "editor-pane");
    expect(Math.abs(before - 120 - dragged)).toBeLessThan(12);
    await separator.focus();
    const valueBefore = Number(await separator.getAttribute("aria-valuenow"));
    await page.keyboard.press("ArrowDown");
    await expect(separator).toHaveAttribute("aria-valuenow", String(valueBefore + 4));
    const afterKey = await height(page, "editor-pane");
    expect(afterKey).toBeGreaterThan(dragged);
    await shot(page, testInfo, "resized split", "6-resized-split-desktop-light");
    await page.reload();
    await expect(page.locator('[data-testid="editor-pane"] .monaco-editor').first()).toBeVisible();
    await expect.poll(() => height(page, "editor-pane")).toBeCloseTo(afterKey, -1);

    // A test that never returns is the one marked as timed out, with the limit; the rest were not run.
    await setCode(page, spinning);
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "timeout", { timeout: 20_000 });
    const tests = page.getByRole("list", { name: "Tests" }).locator("li");
    await expect(tests.first()).toHaveAttribute("data-interrupted", "timeout");
    await expect(tests.first()).toContainText("Timed out");
    await expect(tests.nth(1)).toHaveAttribute("data-interrupted", "not-run");
    await expect(tests.nth(1)).toContainText("Not run");
    await expect(page.getByTestId("results")).toContainText(/CPU time limit of \d+ ms exceeded/);
    expect((await page.getByTestId("results").innerText()).match(/time limit of \d+ ms exceeded/gi)).toHaveLength(1);
    await shot(page, testInfo, "timeout", "7-timeout-desktop-light");
  });

  test("14 + 16: the Compare dialog closes on Esc without console errors and gives focus back", async ({ page }, testInfo) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await startOn(page);
    await setCode(page, reference);
    await page.getByRole("button", { name: "Submit", exact: true }).click();
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "passed");
    await setCode(page, `${reference}\n// changed since\n`);
    await page.getByRole("tab", { name: /History/ }).click();
    const row = page.getByTestId("submission").first();
    await row.click();
    const dialog = page.getByRole("dialog", { name: "Submission" });
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Compare with current code" }).click();
    await expect(page.locator(".monaco-diff-editor")).toBeVisible();
    await expect.poll(() => page.evaluate(() => (window as unknown as { monaco: { editor: { getDiffEditors(): Array<{ getLineChanges(): unknown[] | null }> } } }).monaco.editor.getDiffEditors()[0]?.getLineChanges()?.length ?? 0)).toBeGreaterThan(0);
    await shot(page, testInfo, "compare dialog", "14-compare-dialog-desktop-light");
    // Esc from inside the diff editor, where Monaco sees the key first.
    await page.locator(".monaco-diff-editor .modified-in-monaco-diff-editor .view-lines").click();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await expect(row).toBeFocused();
    // Open, compare and close with the button as well.
    await row.click();
    await dialog.getByRole("button", { name: "Compare with current code" }).click();
    await expect(page.locator(".monaco-diff-editor")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toHaveCount(0);
    await page.waitForTimeout(300); // a disposal error would be logged right after the unmount
    expect(errors).toEqual([]);
  });

  test("15 + 16: hints and test names render Markdown; instructions' code scrolls; wrap and Vim are remembered", async ({ page }, testInfo) => {
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    await startOn(page, "token-bucket");

    // The API block in the instructions stays inside its pane (it scrolls instead of being cut off).
    const instructions = page.getByRole("region", { name: "Instructions" });
    const pre = instructions.locator("pre").first();
    const [paneBox, preBox] = [(await instructions.boundingBox())!, (await pre.boundingBox())!];
    expect(preBox.x + preBox.width).toBeLessThanOrEqual(paneBox.x + paneBox.width);
    expect(await pre.evaluate((el) => getComputedStyle(el).overflowX)).toBe("auto");

    await page.getByRole("button", { name: /Show hint 1 of/ }).click();
    const hint = page.getByTestId("hint").first();
    await expect(hint).toBeVisible();
    await expect(hint.locator("code").first()).toBeVisible();
    expect(await hint.innerText()).not.toContain("`");

    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
    const named = page.getByRole("list", { name: "Tests" }).locator("li").filter({ hasText: "starts full and lets a burst of" });
    await expect(named.locator("code", { hasText: /^capacity$/ })).toBeVisible();
    expect(await page.getByRole("list", { name: "Tests" }).innerText()).not.toContain("`");
    await instructions.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shot(page, testInfo, "inline markdown in hints and test names", "15-inline-markdown-desktop-light");

    // Word wrap: on at once, and still on after a reload (stored on the account).
    const wrap = page.getByRole("button", { name: "Wrap" });
    await expect(wrap).toHaveAttribute("aria-pressed", "false");
    expect(await solutionWordWrap(page)).toBe("off");
    await wrap.click();
    await expect(wrap).toHaveAttribute("aria-pressed", "true");
    await expect.poll(() => solutionWordWrap(page)).toBe("on");

    // Vim: its code is fetched only when switched on; the status line shows the mode.
    const vim = page.getByRole("button", { name: "Vim" });
    const scriptsBeforeVim = scripts.length;
    await expect(page.getByTestId("vim-status")).toBeHidden();
    const preferenceSaved = page.waitForResponse((r) => r.url().endsWith("/api/account/preferences") && r.request().method() === "PATCH");
    await vim.click();
    expect((await preferenceSaved).ok()).toBe(true);
    await expect(page.getByTestId("vim-status")).toContainText("NORMAL");
    expect(scripts.length).toBeGreaterThan(scriptsBeforeVim);
    await page.locator('[data-testid="editor-pane"] .monaco-editor').first().click();
    await page.keyboard.press("i");
    await expect(page.getByTestId("vim-status")).toContainText("INSERT");
    await shot(page, testInfo, "vim and wrap", "16-vim-wrap-desktop-light");

    await page.reload();
    await expect(page.getByRole("button", { name: "Wrap" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByRole("button", { name: "Vim" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("vim-status")).toContainText("NORMAL");
    await expect.poll(() => solutionWordWrap(page)).toBe("on");
  });

  test("14: exercise filters apply on change, without a button", async ({ page }) => {
    await blockExternalNetwork(page);
    await page.goto("/exercises");
    await expect(page.getByRole("button", { name: "Filter" })).toBeHidden();
    await page.getByLabel("Difficulty").selectOption("hard");
    await expect(page).toHaveURL(/\/exercises\?difficulty=hard$/);
    const shown = page.locator("[data-exercise]");
    await expect(shown.first()).toBeVisible();
    for (const card of await shown.all()) await expect(card).toContainText(/hard/i);
    await page.getByLabel("Difficulty").selectOption("");
    await expect(page).toHaveURL(/\/exercises$/);
  });

  test("14: without JavaScript the filter form still works with its button", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto("/exercises");
    await page.getByLabel("Difficulty").selectOption("easy");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\/exercises\?.*difficulty=easy/);
    await context.close();
  });
});

test.describe("phone", () => {
  test.use({ viewport: PHONE, colorScheme: "light" });

  test("4: tabs for instructions, code and results, each the full height, with Run always at hand", async ({ page }, testInfo) => {
    await startOn(page, "lru-cache", PHONE);
    const tabs = page.getByRole("tablist", { name: "Exercise panes" });
    await expect(tabs).toBeVisible();
    await expect(tabs.getByRole("tab", { name: "Code" })).toHaveAttribute("aria-selected", "true");
    const run = page.getByRole("button", { name: "Run", exact: true });
    await expect(run).toBeInViewport();
    expect(await height(page, "editor-pane")).toBeGreaterThan(450);
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, testInfo, "phone code", "4-code-phone-light");

    await tabs.getByRole("tab", { name: "Instructions" }).click();
    const instructions = page.getByRole("region", { name: "Instructions" });
    expect((await instructions.boundingBox())!.height).toBeGreaterThan(500);
    await expect(run).toBeInViewport();
    await shot(page, testInfo, "phone instructions");

    await setCode(page, forgetful);
    await run.click();
    await expect(tabs.getByRole("tab", { name: /Results/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("results-badge")).toHaveText("4/5");
    expect(await height(page, "results-pane")).toBeGreaterThan(450);
    await expect(run).toBeInViewport();
    await shot(page, testInfo, "phone results", "4-results-phone-light");

    await tabs.getByRole("tab", { name: "Code" }).click();
    expect(await height(page, "editor-pane")).toBeGreaterThan(450);
  });
});

// The same screens in the dark, at both sizes: they must read as well as the light ones.
for (const [device, viewport] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
  test.describe(`${device}, dark`, () => {
    test.use({ viewport, colorScheme: "dark" });

    test(`failures, results and the Compare dialog read well (${device}, dark)`, async ({ page }, testInfo) => {
      await startOn(page, "lru-cache", viewport);
      await setCode(page, forgetful);
      await page.getByRole("button", { name: "Submit", exact: true }).click();
      await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
      await expect(page.getByTestId("failed-at").first()).toContainText('expect(cache.get("a")).toBe(1)');
      await shot(page, testInfo, `results ${device} dark`, device === "phone" ? "7-failed-line-phone-dark" : undefined);
      await page.getByRole("tab", { name: /History/ }).click();
      await page.getByTestId("submission").first().click();
      await expect(page.getByRole("dialog", { name: "Submission" })).toBeVisible();
      await shot(page, testInfo, `dialog ${device} dark`, device === "phone" ? "14-submission-dialog-phone-dark" : undefined);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog", { name: "Submission" })).toHaveCount(0);
      if (device === "phone") {
        await page.getByRole("tab", { name: "Instructions" }).click();
        await shot(page, testInfo, "instructions phone dark", "4-instructions-phone-dark");
      }
    });
  });
}
