import { expect, test } from "@playwright/test";
import { signUp, uniqueUser } from "./helpers";

// The app must work under whatever host the browser used: a home server is opened as
// 127.0.0.1, a LAN name or localhost, and no configured URL may send the user elsewhere.
const port = Number(process.env.E2E_PORT ?? 3100);
const viaLoopbackIp = `http://127.0.0.1:${port}`;

test("sign-up, sign-out and sign-in opened at 127.0.0.1 stay on 127.0.0.1", async ({ page }) => {
  const user = uniqueUser("host");
  await page.goto(`${viaLoopbackIp}/signup?callbackUrl=${encodeURIComponent("/lessons")}`);
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/Password/).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(`${viaLoopbackIp}/lessons`);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);

  // The account menu is a native popover: it opens without JavaScript too.
  await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${viaLoopbackIp}/`);
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  await page.goto(`${viaLoopbackIp}/signin?callbackUrl=${encodeURIComponent("/plan")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${viaLoopbackIp}/plan`);
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
});

test("sign-in and sign-out work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: viaLoopbackIp });
  const page = await context.newPage();
  const user = uniqueUser("nojs");
  await page.goto("/signup");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel(/Password/).fill(user.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
  expect(new URL(page.url()).host).toBe(`127.0.0.1:${port}`);
  // The account menu is a native popover: it opens without JavaScript too.
  await page.getByTestId("current-user").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
  expect(new URL(page.url()).host).toBe(`127.0.0.1:${port}`);
  await context.close();
});

test("a callback URL never leads off the site, before or after signing in", async ({ page }) => {
  const user = uniqueUser("redirect");
  await signUp(page, user);
  for (const hostile of ["//evil.example/x", "/%5Cevil.example/phish", "/%09/evil.example", "https://evil.example/"]) {
    const response = await page.goto(`/signin?callbackUrl=${encodeURIComponent(hostile)}`);
    expect(response?.ok()).toBe(true);
    expect(new URL(page.url()).hostname).toBe("localhost");
  }
  await page.context().clearCookies();
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("/%5Cevil.example/phish")}`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toHaveText(user.name);
  expect(new URL(page.url()).hostname).toBe("localhost");
  expect(new URL(page.url()).pathname).toBe("/");
});

test("a tampered session cookie reads as signed out", async ({ page, context }) => {
  await signUp(page, uniqueUser("tamper"));
  const [cookie] = (await context.cookies()).filter((c) => c.name.endsWith("session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  await context.addCookies([{ ...cookie!, value: `${cookie!.value.slice(0, -4)}AAAA` }]);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
  const api = await page.request.get("/api/progress");
  expect(api.status()).toBe(401);
});
