// Issue #13: a plausible wrong solution fails a model-based hidden test, and the results panel shows
// the shrunk sequence of operations that proves it (not just "expected x to be y").
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

// get() that forgets to mark the entry as recently used: right on every hand-picked example.
const wrong = fs.readFileSync(path.resolve("content/exercises/lru-cache/wrong/get-does-not-refresh-recency.ts"), "utf8");

async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const monaco = (window as unknown as { monaco: { editor: { getModels(): Array<{ uri: { path: string }; setValue(v: string): void }> } } }).monaco;
    monaco.editor.getModels().find((m) => m.uri.path === "/solution.ts")!.setValue(text);
  }, code);
}

test("a model-based failure shows the shrunk sequence of operations in the results", async ({ page }, testInfo) => {
  await blockExternalNetwork(page);
  await signUp(page, uniqueUser("model-failure"), "/exercises/lru-cache");
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await setCode(page, wrong);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
  const failure = page.locator('[data-test-status="failed"][data-hidden="true"]', { hasText: "any sequence of operations" });
  await expect(failure).toBeVisible();
  // The minimal sequence, each operation as the learner would write it, then what went wrong.
  await expect(failure).toContainText(/Smallest failing case: \[new LRUCache\(\d\),(set|get|has|delete)\(/);
  await expect(failure).toContainText(/returned .*, the rules give/);
  await testInfo.attach("model-failure", { body: await page.screenshot(), contentType: "image/png" });
});
