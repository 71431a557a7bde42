// "My tests" (issue #13): the learner's own test file, run with Run beside the visible tests, never
// with Submit, and kept with the draft across a reload.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const reference = fs.readFileSync(path.resolve("content/exercises/lru-cache/solution.ts"), "utf8");

async function setModel(page: Page, file: string, text: string): Promise<void> {
  await page.evaluate(
    ([name, value]) => {
      const monaco = (window as unknown as { monaco: { editor: { getModels(): Array<{ uri: { path: string }; setValue(v: string): void }> } } }).monaco;
      monaco.editor.getModels().find((m) => m.uri.path === name)!.setValue(value!);
    },
    [file, text],
  );
}

const MY_TESTS = `import { LRUCache } from "./solution";

describe("mine", () => {
  it("keeps what I put in", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    expect(cache.get("a")).toBe(1);
  });
  it("is wrong on purpose", () => {
    expect(new LRUCache<string, number>(1).get("nothing")).toBe(42);
  });
});
`;

test("my tests run with Run, not with Submit, and survive a reload", async ({ page }) => {
  await blockExternalNetwork(page);
  await signUp(page, uniqueUser("my-tests"), "/exercises/lru-cache");
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await setModel(page, "/solution.ts", reference);

  await page.getByRole("tab", { name: "My tests" }).click();
  await expect(page.getByTestId("my-tests").locator(".monaco-editor")).toBeVisible();
  // It starts from a template that imports what the visible tests import.
  await expect(page.getByTestId("my-tests")).toContainText("LRUCache");
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/exercises/lru-cache/draft") && r.request().method() === "PUT" && (r.request().postData() ?? "").includes("myTests") && r.ok());
  await setModel(page, "/my.test.ts", MY_TESTS);

  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
  await expect(page.getByText("mine › keeps what I put in")).toBeVisible();
  const wrong = page.locator('[data-test-status="failed"]', { hasText: "mine › is wrong on purpose" });
  await expect(wrong).toBeVisible();
  await expect(wrong).toContainText("expected undefined to be 42");

  // Submit is judged by the exercise's tests only: the reference passes whatever my tests say.
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "passed");
  await expect(page.getByText("mine › is wrong on purpose")).toHaveCount(0);

  // Saved with the draft.
  await saved;
  await page.reload();
  await page.getByRole("tab", { name: "My tests" }).click();
  await expect(page.getByTestId("my-tests")).toContainText("is wrong on purpose");
});
