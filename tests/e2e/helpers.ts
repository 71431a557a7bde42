import { expect, type Page } from "@playwright/test";

let counter = 0;

export function uniqueUser(prefix = "learner") {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { name: `${prefix} ${id}`, email: `${prefix}.${id}@example.test`, password: "correct horse battery" };
}

/** The app must work with the outside world cut off: abort every request not to localhost. */
export async function blockExternalNetwork(page: Page): Promise<string[]> {
  const blocked: string[] = [];
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return blocked;
}

export async function signUp(page: Page, user: { name: string; email: string; password: string }, callbackUrl = "/"): Promise<void> {
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/Password/).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
}

/** Fills the sign-in form; with `expectSuccess`, waits until the header shows the user. */
export async function signIn(page: Page, user: { email: string; password: string; name?: string }, expectSuccess = true): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (expectSuccess) await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Signs out through the account menu (the user's name in the header), at any width. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
}

/** Opens the search dialog from the header and returns its field. */
export async function openSearch(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Search", exact: true }).click();
  const field = page.getByRole("combobox", { name: "Search lessons, exercises and your notes" });
  await expect(field).toBeFocused();
  return field;
}
