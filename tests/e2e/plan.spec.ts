import { expect, test } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

test("follow the plan: start date, tick a task, log hours, see them on the dashboard", async ({ page }, testInfo) => {
  await blockExternalNetwork(page);
  await signUp(page, uniqueUser("planner"), "/plan");
  await expect(page.getByText("Set a start date to follow the plan week by week.")).toBeVisible();
  await page.getByRole("button", { name: "Start the plan" }).click();
  await expect(page.getByTestId("current-week")).toHaveText("Week 1 of 20");
  await expect(page.locator('[data-week="1"]')).toContainText("now");

  await page.locator('[data-week="1"]').click();
  await expect(page).toHaveURL(/\/plan\/week\/1$/);
  const firstTask = page.locator("input[data-item]").first();
  const itemId = await firstTask.getAttribute("data-item");
  await firstTask.check();
  await expect(firstTask).toBeChecked();

  const firstDay = page.locator("input[data-day]").first();
  await firstDay.fill("3.5");
  await firstDay.blur();
  await expect(page.getByText("Saved").first()).toBeVisible();
  await expect(page.getByTestId("week-hours")).toContainText("3.5 h of 20–25 h");

  await page.reload();
  await expect(page.locator(`input[data-item="${itemId}"]`)).toBeChecked();
  await expect(page.locator("input[data-day]").first()).toHaveValue("3.5");
  await testInfo.attach("week-page-light", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await testInfo.attach("week-page-dark", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "light" });

  // Unticking works too, and survives a reload.
  await page.locator(`input[data-item="${itemId}"]`).uncheck();
  await page.reload();
  await expect(page.locator(`input[data-item="${itemId}"]`)).not.toBeChecked();
  await page.locator(`input[data-item="${itemId}"]`).check();

  await page.goto("/");
  await expect(page.getByTestId("dashboard-week")).toContainText("Week 1:");
  await expect(page.locator('[data-testid="hours-chart"] rect[data-week="1"]')).toHaveAttribute("data-hours", "3.5");
  await expect(page.getByTestId("streak")).toContainText("1-day streak");
  await expect(page.locator("[data-testid=heatmap] rect[data-score]").last()).not.toHaveAttribute("data-score", "0");
  await testInfo.attach("dashboard-light", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await page.emulateMedia({ colorScheme: "dark" });
  await testInfo.attach("dashboard-dark", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
});

test("the concept checklist keeps status and notes", async ({ page }) => {
  await signUp(page, uniqueUser("concepts"), "/checklist");
  const row = page.locator("[data-concept]").first();
  const id = await row.getAttribute("data-concept");
  await row.getByRole("combobox").selectOption("done");
  await expect(row.getByText(/Done on/)).toBeVisible();
  await row.getByRole("button", { name: "Notes" }).click();
  await row.getByRole("textbox").fill("Explained it to a rubber duck.");
  await row.getByRole("textbox").blur();
  await expect(row.getByText("Notes saved")).toBeVisible();
  await page.reload();
  const again = page.locator(`[data-concept="${id}"]`);
  await expect(again).toHaveAttribute("data-status", "done");
  await expect(again.getByRole("textbox")).toHaveValue("Explained it to a rubber duck.");
  await expect(page.getByTestId("checklist-progress")).toContainText("1 of");
});

test("export downloads everything as JSON, another account imports it, and a bad import is refused", async ({ page, browser }) => {
  await signUp(page, uniqueUser("exporter"), "/settings");
  expect((await page.request.put("/api/exercises/lru-cache/draft", { data: { code: "// my exported draft" } })).status()).toBe(200);
  const response = await page.request.get("/api/account/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="deepend-export-\d{4}-\d{2}-\d{2}\.json"$/);
  const data = await response.json();
  expect(data.format).toBe("deepend-export");
  expect(data.exercises.map((e: { draft: string | null }) => e.draft)).toEqual(["// my exported draft"]);

  const other = await (await browser.newContext()).newPage();
  await signUp(other, uniqueUser("importer"), "/settings");
  const bad = await other.request.post("/api/account/import", { data: { format: "nope" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/not a valid Deepend export/);
  expect((await (await other.request.get("/api/exercises/lru-cache/draft")).json()).code).toBeNull();
  const good = await other.request.post("/api/account/import", { data });
  expect(good.status()).toBe(200);
  expect((await (await other.request.get("/api/exercises/lru-cache/draft")).json()).code).toBe("// my exported draft");
});
