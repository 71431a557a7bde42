import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const markdown = (page: Page) => page.getByRole("textbox", { name: "Markdown" });
const saveStatus = (page: Page) => page.getByTestId("save-status");

/** Full-page screenshots in light and dark, attached to the report. */
async function screenshots(page: Page, testInfo: TestInfo, name: string, ready: (colorScheme: "light" | "dark") => Promise<void> = async () => {}) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await ready(colorScheme);
    // A full-page capture draws the sticky header where the page is scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = testInfo.outputPath(`${name}-${colorScheme}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name} (${colorScheme})`, { path, contentType: "image/png" });
  }
  await page.emulateMedia({ colorScheme: null });
}

test("a retrospective: template, autosave, reload, a conflict between two tabs, review and export", async ({ page, context }, testInfo) => {
  await blockExternalNetwork(page);
  await signUp(page, uniqueUser("retro"), "/retros/1");
  await expect(page.getByRole("heading", { level: 1, name: "Week 1 retrospective" })).toBeVisible();

  // A new retrospective starts from the five questions, as headings with room under each.
  await expect(markdown(page)).toHaveValue(/^## Which patterns did I learn this week\?\n\n\n## /);
  await expect(page.getByTestId("retro-preview").getByRole("heading", { level: 2 })).toHaveCount(5);
  await expect(saveStatus(page)).toHaveText("Not started");

  const template = await markdown(page).inputValue();
  const written = template.replace("this week?\n\n", "this week?\n\nThe **event loop** phases, and `setImmediate` versus `process.nextTick`.\n");
  await markdown(page).fill(written);
  await expect(saveStatus(page)).toHaveText("Saved");
  await expect(page.getByTestId("retro-preview").locator("strong")).toHaveText("event loop");

  await page.reload();
  await expect(markdown(page)).toHaveValue(written);
  await expect(saveStatus(page)).toHaveText("Saved");
  await screenshots(page, testInfo, "retro-editor");

  // A second tab on the same retrospective saves first…
  const other = await context.newPage();
  await blockExternalNetwork(other);
  await other.goto("/retros/1");
  await expect(markdown(other)).toHaveValue(written);
  await markdown(other).fill(`${written}\nWritten in the second tab.\n`);
  await expect(saveStatus(other)).toHaveText("Saved");

  // …so the first tab's next save, based on the old version, is a conflict: both texts are shown.
  const mine = `${written}\nWritten in the first tab.\n`;
  await markdown(page).fill(mine);
  const banner = page.getByTestId("conflict-banner");
  await expect(banner).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Conflict");
  await expect(banner.getByTestId("conflict-stored")).toContainText("Written in the second tab.");
  await expect(banner.getByTestId("conflict-mine")).toContainText("Written in the first tab.");
  await expect(markdown(page)).toHaveValue(mine);
  await screenshots(page, testInfo, "retro-conflict");

  // Nothing is lost on a reload either: the local text comes back, still in conflict.
  await page.reload();
  await expect(page.getByTestId("conflict-banner")).toBeVisible();
  await expect(markdown(page)).toHaveValue(mine);

  await page.getByRole("button", { name: "Keep my version" }).click();
  await expect(saveStatus(page)).toHaveText("Saved");
  await expect(page.getByTestId("conflict-banner")).toHaveCount(0);
  const stored = await (await page.request.get("/api/retros/1")).json();
  expect(stored).toMatchObject({ body: mine, version: 3 });

  // The second tab is now behind; it may take the stored text instead of its own.
  await markdown(other).fill("a change to throw away");
  await expect(other.getByTestId("conflict-banner")).toBeVisible();
  await other.getByRole("button", { name: "Use the stored version" }).click();
  await expect(markdown(other)).toHaveValue(mine);
  await expect(saveStatus(other)).toHaveText("Saved");
  await other.close();

  // The list, the server-side search and the side-by-side review.
  const put = await page.request.put("/api/retros/2", { data: { body: "## Which patterns did I learn this week?\n\nRoom-based fan-out.", baseVersion: 0 } });
  expect(put.status()).toBe(200);
  await page.goto("/retros");
  await expect(page.locator('[data-week="1"]')).toHaveAttribute("data-written", "true");
  await expect(page.locator('[data-week="1"]')).toContainText("The event loop phases");
  await expect(page.locator('[data-week="3"]')).toHaveAttribute("data-written", "false");
  await page.getByRole("searchbox", { name: "Search your retrospectives" }).fill("event loop");
  await page.getByRole("main").getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/retros\?q=event\+loop/);
  await expect(page.getByTestId("search-results").getByRole("link")).toHaveCount(1);
  await expect(page.getByTestId("search-results").locator("mark").first()).toHaveText(/event/i);
  await screenshots(page, testInfo, "retro-list");

  await page.goto("/retros/review?week=2&with=1");
  await expect(page.getByTestId("review-week-1")).toContainText("Earlier · Week 1");
  await expect(page.locator('[data-side="earlier"] strong')).toHaveText("event loop");
  await expect(page.locator('[data-side="this"]').filter({ hasText: "Room-based fan-out." })).toHaveCount(1);
  await screenshots(page, testInfo, "retro-review");

  // Offline: the text stays in this browser, survives a reload, and saves once the server answers.
  await page.route("**/api/retros/3", (route) => route.abort());
  await page.goto("/retros/3");
  const offline = `${await markdown(page).inputValue()}Written while the server was unreachable.\n`;
  await markdown(page).fill(offline);
  await expect(saveStatus(page)).toHaveText("Not saved");
  await expect(page.getByRole("alert").filter({ hasText: "cannot be reached" })).toBeVisible();
  await page.reload();
  await expect(markdown(page)).toHaveValue(offline);
  await expect(saveStatus(page)).toHaveText("Not saved");
  await page.unroute("**/api/retros/3");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(saveStatus(page)).toHaveText("Saved");
  expect((await (await page.request.get("/api/retros/3")).json()).body).toBe(offline);

  const zip = await page.request.get("/api/retros/export");
  expect(zip.status()).toBe(200);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const bytes = await zip.body();
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  expect(bytes.includes("week-01.md")).toBe(true);
  expect(bytes.includes("week-02.md")).toBe(true);
  expect(bytes.includes("week-03.md")).toBe(true);
});

test("a design note: prompt, a timer that survives a reload, sections and a Mermaid diagram", async ({ page }, testInfo) => {
  const blocked = await blockExternalNetwork(page);
  await signUp(page, uniqueUser("design"), "/design");
  await expect(page.locator('[data-week="6"]')).toHaveAttribute("data-has-note", "false");
  await expect(page.locator("[data-week]")).toHaveCount(15);
  await page.locator('[data-week="6"]').click();
  await expect(page).toHaveURL(/\/design\/6$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await expect(page.getByTestId("timer")).toHaveText("45:00");
  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(page.getByRole("button", { name: "Restart" })).toBeVisible();
  await expect(page.getByTestId("timer")).toHaveText(/^4[45]:\d\d$/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Restart" })).toBeVisible();
  await expect(page.getByTestId("timer")).toHaveText(/^44:\d\d$/);

  await page.getByRole("textbox", { name: "Requirements and estimates" }).fill("- 500M users\n- a **read-heavy** feed");
  await expect(page.getByTestId("preview-requirements").locator("strong")).toHaveText("read-heavy");
  const diagram = page.getByRole("textbox", { name: "Diagram (Mermaid)" });
  await diagram.fill("graph TD; A-->B");
  await expect(page.getByTestId("preview-diagram").locator("svg").first()).toBeVisible();
  await expect(saveStatus(page)).toHaveText("Saved");

  // A syntax error is explained where the diagram would be; the page keeps working.
  await diagram.fill("graph TD; A-->");
  await expect(page.getByTestId("mermaid-error")).toContainText("syntax error");
  await diagram.fill("graph LR\n  Client-->API[API servers]\n  API-->Feed[(Feed cache)]\n  API-->Blob[(Object storage)]\n  Blob-->CDN");
  await expect(page.getByTestId("mermaid-error")).toHaveCount(0);
  await expect(page.getByTestId("preview-diagram").locator("svg").first()).toContainText("Feed cache");
  await page.getByRole("textbox", { name: "API" }).fill("`POST /posts` uploads a photo.\n\n`GET /feed?cursor=` returns the home feed.");
  await expect(saveStatus(page)).toHaveText("Saved");

  // Leaving right after typing (client-side navigation, before the autosave delay) loses nothing.
  await page.getByRole("textbox", { name: "Learnings" }).fill("Fan-out on write breaks down for celebrity accounts.");
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "System-design notes" }).click();
  await expect(page).toHaveURL(/\/design$/);
  await page.goto("/design/6");
  await expect(page.getByRole("textbox", { name: "Learnings" })).toHaveValue("Fan-out on write breaks down for celebrity accounts.");
  await expect(saveStatus(page)).toHaveText("Saved");
  await expect.poll(async () => (await (await page.request.get("/api/design/6")).json()).sections.learnings).toBe("Fan-out on write breaks down for celebrity accounts.");

  await page.reload();
  await expect(diagram).toHaveValue(/Feed cache/);
  await expect(page.getByTestId("preview-diagram").locator("svg").first()).toContainText("Feed cache");
  // The diagram is drawn again in the other theme when the color scheme changes.
  const diagramDrawn = async (colorScheme: "light" | "dark") => {
    await expect(page.getByTestId("mermaid")).toHaveAttribute("data-theme", colorScheme);
  };
  await screenshots(page, testInfo, "design-note", diagramDrawn);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await diagramDrawn(colorScheme);
    await testInfo.attach(`diagram (${colorScheme})`, { body: await page.getByTestId("preview-diagram").screenshot({ path: testInfo.outputPath(`diagram-${colorScheme}.png`) }), contentType: "image/png" });
  }

  // Starting the timer on a page with no note yet creates an empty one; the first save builds on it.
  await page.goto("/design/7");
  await page.getByRole("button", { name: "Start timer" }).click();
  await expect(page.getByRole("button", { name: "Restart" })).toBeVisible();
  await page.getByRole("textbox", { name: "Requirements and estimates" }).fill("Timelines for 300M users.");
  await expect(saveStatus(page)).toHaveText("Saved");
  await expect(page.getByTestId("conflict-banner")).toHaveCount(0);

  await page.goto("/design");
  await expect(page.locator('[data-week="6"]')).toHaveAttribute("data-has-note", "true");
  await expect(page.locator('[data-week="7"]')).toHaveAttribute("data-has-note", "true");
  await screenshots(page, testInfo, "design-list");
  // Mermaid is bundled: nothing was fetched from outside.
  expect(blocked).toEqual([]);
});

test("weeks are validated and everything requires sign-in", async ({ page, browser }) => {
  await signUp(page, uniqueUser("guard"));
  for (const path of ["/retros/0", "/retros/21", "/retros/abc", "/design/5", "/design/21", "/retros/review?week=99"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  expect((await page.request.put("/api/retros/21", { data: { body: "x", baseVersion: 0 } })).status()).toBe(400);
  expect((await page.request.post("/api/design/5/timer")).status()).toBe(400);

  const anonymous = await browser.newContext();
  const guest = await anonymous.newPage();
  for (const [method, path] of [["GET", "/api/retros/1"], ["PUT", "/api/retros/1"], ["GET", "/api/retros/export"], ["PUT", "/api/design/6"], ["POST", "/api/design/6/timer"]] as const) {
    const response = await guest.request.fetch(path, { method, data: method === "PUT" ? { body: "x", baseVersion: 0 } : undefined });
    expect(response.status(), `${method} ${path}`).toBe(401);
  }
  await guest.goto("/retros/3");
  await expect(guest).toHaveURL(/\/signin\?callbackUrl=%2Fretros%2F3$/);
  await guest.goto("/design/7");
  await expect(guest).toHaveURL(/\/signin\?callbackUrl=%2Fdesign%2F7$/);
  await anonymous.close();
});
