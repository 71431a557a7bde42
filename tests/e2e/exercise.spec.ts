import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const dir = path.resolve("content/exercises/lru-cache");
const reference = fs.readFileSync(path.join(dir, "solution.ts"), "utf8");
const starter = fs.readFileSync(path.join(dir, "starter.ts"), "utf8");
const hiddenSource = fs.readFileSync(path.join(dir, "hidden.test.ts"), "utf8");

/** Distinctive lines of the hidden tests and of the reference solution. */
const secrets = [
  ...hiddenSource.split("\n").map((l) => l.trim()).filter((l) => l.length > 40 && !l.startsWith("import") && !l.startsWith("//") && !/^(it|describe)\(/.test(l)).slice(0, 8),
  ...reference.split("\n").map((l) => l.trim()).filter((l) => l.length > 30 && !l.startsWith("*") && !l.startsWith("//") && !l.startsWith("/**") && !starter.includes(l)).slice(0, 8),
];

async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const monaco = (window as unknown as { monaco: { editor: { getModels(): Array<{ uri: { path: string }; setValue(v: string): void }> } } }).monaco;
    monaco.editor.getModels().find((m) => m.uri.path === "/solution.ts")!.setValue(text);
  }, code);
}

async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const monaco = (window as unknown as { monaco: { editor: { getModels(): Array<{ uri: { path: string }; getValue(): string }> } } }).monaco;
    return monaco.editor.getModels().find((m) => m.uri.path === "/solution.ts")!.getValue();
  });
}

test("solve lru-cache in the browser: type errors, failing run, passing submit, draft, history", async ({ page }, testInfo) => {
  const blocked = await blockExternalNetwork(page);
  await signUp(page, uniqueUser("solver"), "/exercises/lru-cache");
  await expect(page).toHaveURL(/\/exercises\/lru-cache$/);
  // Every body the browser receives for the exercise page, read in full before the scan below (an unreadable one fails it).
  const bodies: Array<Promise<string>> = [];
  let collecting = true;
  page.on("response", (response) => {
    if (!collecting) return;
    const type = response.request().resourceType();
    // Redirects and empty answers have no body to read.
    const status = response.status();
    if (["document", "script", "fetch", "xhr"].includes(type) && status !== 204 && (status < 300 || status >= 400)) bodies.push(response.text().catch((error: Error) => `UNREADABLE ${response.request().method()} ${response.url()} ${status}: ${error.message}`));
  });

  await page.reload();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect(page.getByTestId("problems")).toHaveAttribute("data-count", "0", { timeout: 30_000 });

  // An obviously wrong line shows as a type error before running anything.
  await page.locator(".monaco-editor").first().click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type('\nconst oops: number = "not a number";\n');
  await expect(page.getByTestId("problems")).not.toHaveAttribute("data-count", "0", { timeout: 30_000 });

  // The starter fails the visible tests on Run.
  await setCode(page, starter);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
  await expect(page.locator('[data-test-status="failed"]').first()).toBeVisible();
  await expect(page.getByText("Not implemented").first()).toBeVisible();
  await testInfo.attach("exercise-failing-light", { body: await page.screenshot(), contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await testInfo.attach("exercise-failing-dark", { body: await page.screenshot(), contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "light" });

  // Code that does not parse comes back as a compile error on the user's own line.
  await setCode(page, "export class LRUCache {\n  get(key: string) {\n    return key +;\n  }\n}\n");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "error");
  await expect(page.getByRole("list", { name: "Compile errors" })).toContainText('Line 3:17 Unexpected ";"');
  await expect(page.getByTestId("problems")).toHaveText("1 error", { timeout: 30_000 });
  await testInfo.attach("exercise-compile-error", { body: await page.screenshot(), contentType: "image/png" });

  // Nothing secret reached the browser before the exercise is solved.
  collecting = false;
  const texts = await Promise.all(bodies);
  // Chromium drops some bodies before they can be read: Monaco's static files (a copy of the npm
  // package) and link prefetches of other pages. Anything else unread would be a hole in the scan.
  const unread = texts.filter((t) => t.startsWith("UNREADABLE ")).map((t) => new URL(t.split(" ")[2]!));
  expect(unread.filter((url) => !url.pathname.startsWith("/monaco/") && !(url.searchParams.has("_rsc") && !url.pathname.startsWith("/exercises/lru-cache"))).map(String)).toEqual([]);
  expect(texts.filter((t) => t.includes("LRUCache")).length).toBeGreaterThan(1);
  const everything = texts.join("\n");
  for (const secret of secrets) expect(everything, `leaked: ${secret}`).not.toContain(secret);

  // The reference solution passes every test on Submit, hidden ones included.
  await setCode(page, reference);
  // The editor type-checks like the server: the reference solution has no type error.
  await expect(page.getByTestId("problems")).toHaveAttribute("data-count", "0", { timeout: 30_000 });
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.keyboard.press("Control+Shift+Enter");
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "passed");
  const hiddenPassed = await page.locator('[data-hidden="true"][data-test-status="passed"]').count();
  expect(hiddenPassed).toBeGreaterThan(5);
  await expect(page.locator('[data-test-status="failed"]')).toHaveCount(0);
  await expect(page.getByTestId("solved-badge")).toBeVisible();
  await testInfo.attach("exercise-passing-light", { body: await page.screenshot(), contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await testInfo.attach("exercise-passing-dark", { body: await page.screenshot(), contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "light" });

  // Reload: the draft and the solved state are back.
  await page.reload();
  await expect(page.getByTestId("solved-badge")).toBeVisible();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect.poll(() => editorText(page)).toBe(reference);

  // History: the submission is there; restore it over other code.
  await setCode(page, "// scratch\n");
  await page.getByRole("tab", { name: /History/ }).click();
  await expect(page.getByTestId("submission")).toHaveCount(1);
  await page.getByTestId("submission").first().click();
  await page.getByRole("button", { name: "Compare with current code" }).click();
  await expect(page.locator(".monaco-diff-editor")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Restore into editor" }).click();
  await expect.poll(() => editorText(page)).toBe(reference);

  // The reference solution opens only now, behind a spoiler confirmation.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Reveal reference solution" }).click();
  await expect(page.getByRole("tab", { name: "Reference solution" })).toBeVisible();

  await page.goto("/exercises");
  await expect(page.locator('[data-exercise="lru-cache"]')).toHaveAttribute("data-status", "solved");
  expect(blocked.filter((url) => !url.startsWith("data:"))).toEqual([]);
});

test("signed out, the exercise is readable and typed code is kept", async ({ page }) => {
  await blockExternalNetwork(page);
  await page.goto("/exercises/token-bucket");
  await expect(page.getByRole("heading", { level: 1, name: /Token bucket/i })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toBeVisible();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await setCode(page, "// my attempt\n");
  await page.reload();
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect.poll(() => editorText(page)).toBe("// my attempt\n");
});

test("the run API checks sessions, sizes, slugs, rate limits and ownership", async ({ browser, request }) => {
  const anonymous = await request.post("/api/exercises/lru-cache/run", { data: { code: "", mode: "run" } });
  expect(anonymous.status()).toBe(401);

  const alice = await browser.newContext();
  const a = await alice.newPage();
  await signUp(a, uniqueUser("alice"), "/exercises");
  const big = await a.request.post("/api/exercises/lru-cache/run", { data: { code: "x".repeat(70 * 1024), mode: "run" } });
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toMatch(/larger than 64 KB/);
  const unknown = await a.request.post("/api/exercises/no-such-exercise/run", { data: { code: "export {}", mode: "run" } });
  expect(unknown.status()).toBe(404);
  const invalid = await a.request.post("/api/exercises/lru-cache/run", { data: { code: 42, mode: "run" } });
  expect(invalid.status()).toBe(400);

  expect((await a.request.put("/api/exercises/lru-cache/draft", { data: { code: "// alice's secret draft" } })).status()).toBe(200);
  expect((await (await a.request.get("/api/exercises/lru-cache/draft")).json()).code).toBe("// alice's secret draft");
  const submitted = await a.request.post("/api/exercises/lru-cache/run", { data: { code: "// nothing", mode: "submit" } });
  const submissionId = (await submitted.json()).submission.id as string;

  const bob = await browser.newContext();
  const b = await bob.newPage();
  await signUp(b, uniqueUser("bob"), "/exercises");
  expect((await (await b.request.get("/api/exercises/lru-cache/draft")).json()).code).toBeNull();
  expect((await b.request.get(`/api/exercises/lru-cache/submissions/${submissionId}`)).status()).toBe(404);
  expect((await (await b.request.get("/api/exercises/lru-cache/submissions")).json()).submissions).toEqual([]);
  expect((await b.request.get("/api/exercises/lru-cache/solution")).status()).toBe(403);

  // 30 runs a minute per user; the next one is refused with a retry time.
  let limited = null;
  for (let i = 0; i < 40 && !limited; i++) {
    const response = await b.request.post("/api/exercises/token-bucket/run", { data: { code: "export {}", mode: "run" } });
    if (response.status() === 429) limited = response;
  }
  expect(limited).not.toBeNull();
  expect(Number(limited!.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await limited!.json()).error).toMatch(/Too many runs. Try again in \d+ s/);
  await alice.close();
  await bob.close();
});
