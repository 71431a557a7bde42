import { expect, test } from "@playwright/test";
import { blockExternalNetwork, openSearch } from "./helpers";

test("searching for 'compensating' finds the sagas lesson and opens it", async ({ page }) => {
  await blockExternalNetwork(page);
  await page.goto("/lessons");
  const box = await openSearch(page);
  await box.pressSequentially("compensating", { delay: 20 });
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  const sagas = page.getByRole("option").filter({ has: page.locator('a[href^="/lessons/microservices/sagas"]') });
  await expect(sagas.first()).toBeVisible();
  // The matched word is highlighted in the snippet.
  await expect(sagas.first().locator("mark").first()).toHaveText(/^compensat(ing|ion)$/i);
  await sagas.first().click();
  await expect(page).toHaveURL(/\/lessons\/microservices\/sagas/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/saga/i);
  await expect(page.getByRole("dialog", { name: "Search" })).toBeHidden();
});

test("search says so when nothing matches", async ({ page }) => {
  await page.goto("/");
  const box = await openSearch(page);
  await box.fill("zzqqxxyy");
  await expect(page.getByText("Nothing matches “zzqqxxyy”.")).toBeVisible();
});

test("a signed-out visitor's search never asks for personal notes", async ({ page }) => {
  const personal: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/search")) personal.push(request.url());
  });
  await page.goto("/");
  const box = await openSearch(page);
  await box.fill("circuit breaker");
  await expect(page.getByRole("option").filter({ hasText: "Circuit breaker" }).first()).toBeVisible();
  expect(personal).toEqual([]);
  expect((await page.request.get("/api/search?q=retro")).status()).toBe(401);
});
