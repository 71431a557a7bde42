// SQL exercises (issue #12): the indexing exercise solved in the browser. The schema view shows the
// 300,000 orders; the slow query alone returns the right rows but its plan scans orders sequentially,
// so Run fails naming the Seq Scan; adding the index makes every test pass on Submit.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const SLUG = "index-the-slow-query";
const dir = path.resolve("content/exercises", SLUG);
const reference = fs.readFileSync(path.join(dir, "solution.sql"), "utf8");
/** The reference without its CREATE INDEX: the correct but slow query. */
const slowQuery = reference.replace(/CREATE INDEX[^;]*;/i, "");

async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const monaco = (window as unknown as { monaco: { editor: { getModels(): Array<{ uri: { path: string }; setValue(v: string): void }> } } }).monaco;
    monaco.editor.getModels().find((m) => m.uri.path === "/solution.sql")!.setValue(text);
  }, code);
}

test("solve the indexing exercise: a correct but slow query fails on its Seq Scan, the index passes", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  expect(slowQuery).not.toMatch(/CREATE INDEX/i);
  await blockExternalNetwork(page);
  await signUp(page, uniqueUser("sql-solver"), `/exercises/${SLUG}`);
  await expect(page).toHaveURL(new RegExp(`/exercises/${SLUG}$`));
  await expect(page.locator(".monaco-editor").first()).toBeVisible();

  // The schema view: the shared dataset's tables with their sizes and keys.
  const schema = page.getByTestId("schema-view");
  await expect(schema).toBeVisible();
  await expect(schema).toContainText("orders");
  await expect(schema).toContainText("300,000");
  await expect(schema).toContainText("customer_id");

  // Correct rows, slow plan: the result test passes, the plan test fails and says why.
  await setCode(page, slowQuery);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed", { timeout: 90_000 });
  await expect(page.locator('[data-test-status="passed"]').filter({ hasText: /three latest paid orders/ })).toBeVisible();
  const planFailure = page.locator('[data-test-status="failed"]').filter({ hasText: /Seq Scan/ }).first();
  await expect(planFailure).toBeVisible();
  await expect(planFailure).toContainText("Seq Scan on orders");
  // Run shows the query's rows and its plan, the sequential scan marked.
  await expect(page.getByTestId("sql-rows").first()).toBeVisible();
  await page.getByTestId("plan").first().locator("summary").click();
  await expect(page.locator("[data-seq-scan]").first()).toContainText("Seq Scan");
  await testInfo.attach("sql-exercise-seq-scan", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

  // With the index the plan changes, the rows do not: Submit passes, hidden tests included.
  await setCode(page, reference);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "passed", { timeout: 90_000 });
  await expect(page.locator('[data-test-status="failed"]')).toHaveCount(0);
  await testInfo.attach("sql-exercise-passed", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});
