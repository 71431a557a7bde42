// Predict exercises (issue #11): read a program, type what it prints. A wrong answer is located but
// not revealed; giving up shows the walkthrough; the real output solves it. Desktop and phone,
// light and dark. Runs on the first exercise whose front matter says `kind: predict`.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const EXERCISES = path.resolve("content/exercises");
const slug = fs
  .readdirSync(EXERCISES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .find((name) => /^kind:\s*predict\s*$/m.test(fs.readFileSync(path.join(EXERCISES, name, "exercise.md"), "utf8")));
/** A line no program of ours prints. */
const NONSENSE = "this line is not printed by the program";

test.skip(slug === undefined, "content/exercises/ has no predict exercise yet: this spec runs once one exists");

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: "image/png" });
}

async function open(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await blockExternalNetwork(page);
  await page.setViewportSize(DESKTOP);
  await signUp(page, uniqueUser("predict"), `/exercises/${slug}`);
  await page.setViewportSize(viewport);
  await page.goto(`/exercises/${slug}`);
}

const answer = (page: Page) => page.getByLabel(/What does it print\?/);

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`desktop, ${colorScheme}`, () => {
    test.use({ viewport: DESKTOP, colorScheme });

    test(`a wrong line is located, not revealed; giving up shows the walkthrough; the real output solves it (${colorScheme})`, async ({ page }, testInfo) => {
      await open(page, DESKTOP);
      // The program is highlighted on the server; there is nothing to Run, only Submit.
      await expect(page.getByTestId("program").locator("pre.shiki")).toBeVisible();
      await expect(page.getByRole("button", { name: "Run", exact: true })).toHaveCount(0);
      await expect(page.locator(".monaco-editor")).toHaveCount(0);

      await answer(page).fill(`${NONSENSE}\n`);
      await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
      await answer(page).press("Control+Enter");
      await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
      await expect(page.getByTestId("predict-score")).toHaveText(/^0 of \d+ lines? right$/);
      await expect(page.getByTestId("predict-difference")).toHaveText("Line 1 is not what the program prints.");
      await expect(page.getByTestId("predict-expected")).toHaveCount(0);
      await expect(page.getByTestId("answer-highlight")).toHaveAttribute("data-line", "1");
      await expect(answer(page)).toHaveAttribute("aria-invalid", "true");
      await shot(page, testInfo, `wrong line ${colorScheme}`);

      // An edit hides the highlight: it belonged to the submitted text.
      await answer(page).press("End");
      await answer(page).pressSequentially("!");
      await expect(page.getByTestId("answer-highlight")).toHaveCount(0);

      page.once("dialog", (dialog) => void dialog.accept());
      await page.getByRole("button", { name: /Give up/ }).click();
      const walkthrough = page.getByTestId("walkthrough");
      await expect(walkthrough).toBeVisible();
      const printed = walkthrough.getByTestId("printed-line");
      expect(await printed.count()).toBeGreaterThan(1);
      await expect(walkthrough.getByTestId("phase-badge").first()).toBeVisible();
      await shot(page, testInfo, `walkthrough ${colorScheme}`);
      const output = await printed.allTextContents();

      // Once given up, a wrong answer's expected line is shown.
      await page.getByRole("tab", { name: "program.js" }).click();
      await answer(page).fill(`${NONSENSE}\n`);
      await page.getByRole("button", { name: "Submit", exact: true }).click();
      await expect(page.getByTestId("predict-expected")).toHaveText(output[0]!);

      await answer(page).fill(`${output.join("\n")}\n`);
      await page.getByRole("button", { name: "Submit", exact: true }).click();
      await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "passed");
      await expect(page.getByTestId("predict-score")).toHaveText(`${output.length} of ${output.length} lines right`);
      await expect(page.getByTestId("solved-badge")).toBeVisible();
      await shot(page, testInfo, `solved ${colorScheme}`);

      // History lists the three answers; a reload keeps the draft and the solved state.
      await page.getByRole("tab", { name: /History/ }).click();
      await expect(page.getByTestId("submission")).toHaveCount(3);
      await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
      await page.reload();
      await expect(page.getByTestId("solved-badge")).toBeVisible();
      await expect(answer(page)).toHaveValue(`${output.join("\n")}\n`);
      await page.getByRole("button", { name: "Show the walkthrough" }).click();
      await expect(page.getByTestId("walkthrough").locator("[data-right=true]")).toHaveCount(output.length);
    });
  });
}

test.describe("phone", () => {
  test.use({ viewport: PHONE, colorScheme: "light" });

  test("the program, the answer and the result each fill the screen, with Submit at hand", async ({ page }, testInfo) => {
    await open(page, PHONE);
    const tabs = page.getByRole("tablist", { name: "Exercise panes" });
    await expect(tabs.getByRole("tab", { name: "Program" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("program")).toBeVisible();
    await expect(answer(page)).toBeVisible();
    const submit = page.getByRole("button", { name: "Submit", exact: true });
    await expect(submit).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(page, testInfo, "phone program");

    await answer(page).fill(NONSENSE);
    await submit.click();
    await expect(tabs.getByRole("tab", { name: /Results/ })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("results-badge")).toHaveText(/^0\/\d+$/);
    await expect(page.getByTestId("predict-difference")).toBeVisible();
    await shot(page, testInfo, "phone result");
  });
});
