import { expect, test } from "@playwright/test";
import { blockExternalNetwork } from "./helpers";

test("searching for 'compensating' finds the sagas lesson and opens it", async ({ page }) => {
  await blockExternalNetwork(page);
  await page.goto("/lessons");
  const box = page.getByRole("combobox", { name: "Search lessons" });
  await box.click();
  await box.pressSequentially("compensating", { delay: 20 });
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  const sagas = page.getByRole("option").filter({ has: page.locator('a[href^="/lessons/microservices/sagas"]') });
  await expect(sagas.first()).toBeVisible();
  await sagas.first().click();
  await expect(page).toHaveURL(/\/lessons\/microservices\/sagas/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/saga/i);
});

test("search says so when nothing matches", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search lessons" });
  await box.fill("zzqqxxyy");
  await expect(page.getByText("No lesson matches")).toBeVisible();
});
