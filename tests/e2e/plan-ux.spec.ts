// Issue #10, the plan and notes items: greeting, design-note labels, import messages, hours,
// heatmap, timer pause, done state, retro review, Mermaid fences, ranges, save bar, code
// highlighting, and days in the user's time zone. Every item at 1280×800 and 390×844, light and dark.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const plan = JSON.parse(fs.readFileSync("content/plan/plan.json", "utf8")) as { retrospective: { questions: Array<{ id: string; prompt: string }> } };
const [q1, q2] = plan.retrospective.questions;
// West of UTC by 11 hours: the user's today is never the server's tomorrow.
const ZONE = "Pacific/Pago_Pago";
const todayIn = (zone: string) => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

/** Attaches a screenshot; with SAVE_SCREENSHOTS=1 also writes the "after" JPEG into docs/. */
async function shot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean; target?: ReturnType<Page["locator"]> } = {}) {
  const device = (page.viewportSize()?.width ?? 1280) < 600 ? "phone" : "desktop";
  const scheme = (await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)) ? "dark" : "light";
  const capture = (o: object) => (options.target ? options.target.screenshot(o) : page.screenshot({ fullPage: options.fullPage ?? false, ...o }));
  await testInfo.attach(`${name}-${device}-${scheme}`, { body: await capture({}), contentType: "image/png" });
  if (process.env.SAVE_SCREENSHOTS === "1") {
    const file = path.join("docs/screenshots/issue-10/after", `${name}-${device}-${scheme}.jpg`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await capture({ path: file, type: "jpeg", quality: 70 });
  }
}

const configs = [
  { label: "desktop light", viewport: { width: 1280, height: 800 }, colorScheme: "light" },
  { label: "desktop dark", viewport: { width: 1280, height: 800 }, colorScheme: "dark" },
  { label: "phone light", viewport: { width: 390, height: 844 }, colorScheme: "light" },
  { label: "phone dark", viewport: { width: 390, height: 844 }, colorScheme: "dark" },
] as const;

for (const config of configs) {
  test.describe(config.label, () => {
    test.use({ viewport: config.viewport, colorScheme: config.colorScheme });

    test("a new learner's plan, hours, activity, import and notes", async ({ page }, testInfo) => {
      test.setTimeout(150_000);
      await blockExternalNetwork(page);
      const user = uniqueUser("ux");

      // 9: a brand-new account is welcomed, not welcomed back, and shown where to start.
      await signUp(page, user, "/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${user.name}`);
      await expect(page.getByText("Welcome back")).toHaveCount(0);
      await expect(page.getByTestId("getting-started").locator("li")).toHaveCount(3);
      await shot(page, testInfo, "09-welcome");

      // Time zone: set in settings; every day below is the user's day there.
      await page.goto("/settings");
      await page.getByLabel("Time zone").selectOption(ZONE);
      await page.getByLabel("Vim keybindings").check();
      await page.getByRole("button", { name: "Save preferences" }).click();
      await expect(page.getByTestId("preferences-status")).toContainText("Saved");
      expect(await (await page.request.get("/api/account/preferences")).json()).toEqual({ timeZone: ZONE, editorKeymap: "vim", editorWrap: false });
      await shot(page, testInfo, "tz-settings");
      await page.reload();
      await expect(page.getByLabel("Time zone")).toHaveValue(ZONE);

      // 12: hours. The plan starts on the user's today; 30 h is refused and changes no total.
      await page.goto("/plan");
      await page.getByRole("button", { name: "Start the plan" }).click();
      await expect(page.getByTestId("current-week")).toHaveText("Week 1 of 20");
      await page.goto("/plan/week/1");
      const today = todayIn(ZONE);
      const todayInput = page.locator(`input[data-day="${today}"]`);
      await expect(todayInput).toBeEnabled();
      await expect(todayInput).toHaveAttribute("max", "24");
      await todayInput.fill("30");
      await todayInput.blur();
      await expect(page.getByRole("alert").filter({ hasText: "At most 24 hours in one day." })).toBeVisible();
      await expect(page.getByTestId("week-hours")).toContainText("0 h of 20–25 h");
      await todayInput.fill("3.5");
      await todayInput.blur();
      await expect(page.getByTestId("week-hours")).toHaveText("3.5 h of 20–25 h");
      // Future days (in the user's zone) cannot be filled in, and the server refuses them even if the form is bypassed.
      const tomorrow = page.locator("input[data-day]").nth(1);
      await expect(tomorrow).toBeDisabled();
      await tomorrow.evaluate((el) => el.removeAttribute("disabled"));
      await tomorrow.fill("2");
      await tomorrow.blur();
      await expect(page.getByRole("alert").filter({ hasText: "That day has not happened yet" })).toBeVisible();
      await expect(page.getByTestId("week-hours")).toHaveText(/^3\.5 h of 20–25 h/);
      await page.reload();
      await expect(page.locator("input[data-day]").nth(1)).toHaveValue("");
      await expect(page.getByTestId("week-hours")).toHaveText("3.5 h of 20–25 h");
      await shot(page, testInfo, "12-hours", { target: page.locator("section").filter({ hasText: "Hours this week" }) });

      // 11: import. The file adds a read lesson (14: the week page shows it done); a re-import says nothing changed; a bad file is explained.
      const lessonRef = (await page.locator("[data-lesson]").first().getAttribute("data-lesson"))!;
      await expect(page.locator(`[data-lesson="${lessonRef}"]`)).toHaveAttribute("data-done", "false");
      const file = await (await page.request.get("/api/account/export")).json();
      file.lessonProgress = [{ lessonRef, readAt: new Date().toISOString() }];
      await page.goto("/settings");
      const importFile = (name: string, data: unknown) => page.getByLabel("Import a Deepend export file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(data)) });
      await importFile("export.json", file);
      await expect(page.getByTestId("import-summary").locator('[data-kind="lessonProgress"]')).toHaveText("Lessons read: 1 added");
      await expect(page.getByTestId("import-summary").locator('[data-kind="hours"]')).toHaveText("Hours logged: 1 already here");
      await importFile("export.json", file);
      await expect(page.getByTestId("import-summary")).toContainText("everything in this file was already here, so nothing changed");
      await expect(page.getByTestId("import-summary").locator('[data-kind="lessonProgress"]')).toHaveText("Lessons read: 1 already here");
      await shot(page, testInfo, "11-import-summary", { target: page.locator("section").filter({ hasText: "Your data is yours" }) });
      await importFile("broken.json", { ...file, hours: [{ day: "2026-13-45", hours: 30 }] });
      await expect(page.getByTestId("import-error")).toContainText("Nothing was imported.");
      await expect(page.getByTestId("import-error")).toContainText("Hours logged, record 1, “day”: That date does not exist.");
      await expect(page.getByTestId("import-error")).toContainText("Hours logged, record 1, “hours”: Enter at most 24 hours for one day.");
      await expect(page.getByTestId("import-error")).not.toContainText("hours.0");
      await shot(page, testInfo, "11-import-error", { target: page.locator("section").filter({ hasText: "Your data is yours" }) });

      // 14, 15: done state and ranges on the week page.
      await page.goto("/plan/week/1");
      await expect(page.locator(`[data-lesson="${lessonRef}"]`)).toHaveAttribute("data-done", "true");
      await expect(page.locator(`[data-lesson="${lessonRef}"]`)).toContainText("Read");
      await shot(page, testInfo, "14-week-done-state", { target: page.locator("section").filter({ hasText: "Study material" }) });
      await page.goto("/plan/week/2");
      const body = await page.locator("main").innerText();
      expect(body).not.toMatch(/\(\d+(\.\d+)?-\d/);
      expect(body).toMatch(/\(2 h\)/);
      await shot(page, testInfo, "15-ranges", { target: page.locator("section").filter({ hasText: "Theory checkpoints" }) });

      // 13: the heatmap on the user's days, labelled, with a legend and per-day descriptions.
      await page.goto("/");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome back, ${user.name}`);
      const heatmap = page.getByTestId("heatmap");
      const todayCell = heatmap.locator(`rect[data-day="${today}"]`);
      await expect(todayCell).toHaveAttribute("aria-label", /^1 activity, 3\.5 h logged on \w{3} \d{1,2} \w{3}$/);
      await expect(heatmap.locator("rect[data-day]").last()).toHaveAttribute("data-day", today);
      await expect(heatmap.locator("text", { hasText: "Mon" })).toHaveCount(1);
      await expect(page.getByTestId("heatmap-legend")).toContainText("Less");
      await todayCell.focus();
      await expect(page.getByTestId("heatmap-detail")).toContainText("3.5 h logged on");
      await page.keyboard.press("ArrowUp");
      await expect(page.getByTestId("heatmap-detail")).toHaveText(/^(No activity|\d+ activit)/);
      await expect(heatmap.locator('rect[tabindex="0"]')).toHaveCount(1);
      await page.keyboard.press("Escape");
      await expect(page.getByTestId("heatmap-detail")).toHaveText("Hover or focus a day to see what you did.");
      await page.keyboard.press("ArrowDown");
      await expect(page.getByTestId("heatmap-detail")).toContainText("3.5 h logged on");
      await shot(page, testInfo, "13-heatmap", { target: page.locator("section").filter({ has: heatmap }) });

      // 10: the design topic is the title; the plan week is named as the plan week.
      await page.goto("/design/6");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Design Instagram");
      await expect(page.getByTestId("design-eyebrow")).toHaveText("System-design practice · week 6");
      await expect(page.getByTestId("design-plan-week")).toHaveText("Alongside your project in plan week 6: Domain model and schema for the store");
      await shot(page, testInfo, "10-design-labels");

      // 14: the timer pauses, stays paused across a reload, and resumes.
      await page.getByRole("button", { name: "Start timer" }).click();
      await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
      await page.getByRole("button", { name: "Pause" }).click();
      await expect(page.locator("[data-timer-state]")).toHaveAttribute("data-timer-state", "paused");
      const paused = await page.getByTestId("timer").textContent();
      await page.waitForTimeout(1_200);
      await page.reload();
      await expect(page.getByTestId("timer")).toHaveText(paused!);
      await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
      await shot(page, testInfo, "14-timer-paused", { target: page.locator("[data-timer-state]") });
      await page.getByRole("button", { name: "Resume" }).click();
      await expect(page.locator("[data-timer-state]")).toHaveAttribute("data-timer-state", "running");

      // 14: a pasted ```mermaid fence draws, in the diagram section and inside any other section.
      await page.getByRole("textbox", { name: "Diagram (Mermaid)" }).fill("```mermaid\ngraph TD\n  Client-->Feed[(Feed cache)]\n```");
      await expect(page.getByTestId("preview-diagram").locator("svg").first()).toContainText("Feed cache");
      await expect(page.getByTestId("preview-diagram").getByTestId("mermaid-error")).toHaveCount(0);
      await page.getByRole("textbox", { name: "Requirements and estimates" }).fill("Reads dominate:\n\n```mermaid\ngraph LR\n  Reader-->Cache\n```\n\n```ts\nconst readsPerWrite = 100;\n```");
      await expect(page.getByTestId("preview-requirements").getByTestId("mermaid").locator("svg")).toContainText("Cache");
      await expect(page.getByTestId("preview-requirements").locator('[data-highlighted="ts"]')).toBeVisible();
      await expect(page.getByTestId("save-status")).toHaveText("Saved");
      await shot(page, testInfo, "14-mermaid-fence", { target: page.locator("section").filter({ has: page.getByTestId("preview-requirements") }) });

      // 16: the sticky save bar is opaque: text scrolling under it does not show through.
      const bar = page.getByTestId("save-status").locator("xpath=..");
      const background = await bar.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toMatch(/rgba\(.*, 0(\.\d+)?\)$|transparent/);
      await page.getByRole("textbox", { name: "API" }).scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 200);
      await shot(page, testInfo, "16-save-bar");

      // 14, 16: the retro review aligns answers by question, highlights code, and refuses the same week twice.
      for (const [week, answer] of [[1, "Streams and `pipeline`."], [2, "Retries with jitter."]] as const) {
        const retro = `## ${q2!.prompt}\n\nWeek ${week} gap.\n\n## ${q1!.prompt}\n\n${answer}\n\n\`\`\`ts\nawait pipeline(source, sink);\n\`\`\`\n`;
        expect((await page.request.put(`/api/retros/${week}`, { data: { body: retro, baseVersion: 0 } })).status()).toBe(200);
      }
      await page.goto("/retros/review?week=2&with=1");
      const first = page.locator(`[data-question="${q1!.id}"]`);
      await expect(first.locator('[data-side="earlier"]')).toContainText("Streams and pipeline.");
      await expect(first.locator('[data-side="this"]')).toContainText("Retries with jitter.");
      await expect(page.locator(`[data-question="${q2!.id}"] [data-side="this"]`)).toContainText("Week 2 gap.");
      await expect(first.locator('[data-highlighted="ts"] .shiki')).toHaveCount(2);
      await expect(page.locator('select[name="with"] option[value="2"]')).toBeDisabled();
      await shot(page, testInfo, "14-retro-review");
      await page.goto("/retros/review?week=2&with=2");
      await expect(page.getByTestId("same-week")).toContainText("Pick two different weeks");
      await expect(page.getByTestId("review")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Compare" })).toBeDisabled();

      // 16: code in the retro editor's live preview is highlighted like a lesson's.
      await page.goto("/retros/1");
      await expect(page.getByTestId("retro-preview").locator('[data-highlighted="ts"] .shiki')).toBeVisible();
      await shot(page, testInfo, "16-retro-code", { target: page.getByTestId("retro-preview") });
    });
  });
}
