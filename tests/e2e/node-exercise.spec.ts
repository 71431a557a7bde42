// Node exercises (issue #11): the CSV parser as a Transform stream, solved in the browser. The editor
// knows exactly what the sandbox's Node runtime provides (an API it lacks is a type error before any
// run), a wrong solution fails first, the reference passes every hidden test.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { blockExternalNetwork, signUp, uniqueUser } from "./helpers";

const SLUG = "csv-transform-stream";
const dir = path.resolve("content/exercises", SLUG);
const reference = fs.readFileSync(path.join(dir, "solution.ts"), "utf8");

async function setCode(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const monaco = (window as unknown as { monaco: { editor: { getModels(): Array<{ uri: { path: string }; setValue(v: string): void }> } } }).monaco;
    monaco.editor.getModels().find((m) => m.uri.path === "/solution.ts")!.setValue(text);
  }, code);
}

/** The editor's markers for the solution, as "line: message". */
async function markers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const monaco = (window as unknown as { monaco: { editor: { getModelMarkers(filter: { resource?: unknown }): Array<{ startLineNumber: number; message: string; resource: { path: string } }> } } }).monaco;
    return monaco.editor.getModelMarkers({}).filter((m) => m.resource.path === "/solution.ts").map((m) => `${m.startLineNumber}: ${m.message}`);
  });
}

test("solve the CSV stream exercise: a missing Node API is a type error, a wrong parser fails, the reference passes", async ({ page }, testInfo) => {
  await blockExternalNetwork(page);
  await signUp(page, uniqueUser("node-solver"), `/exercises/${SLUG}`);
  await expect(page).toHaveURL(new RegExp(`/exercises/${SLUG}$`));
  await expect(page.locator(".monaco-editor").first()).toBeVisible();
  await expect(page.getByText(/Node runtime/).first()).toBeVisible();

  // The reference type-checks against the runtime's declarations: streams, Buffer, string_decoder.
  await setCode(page, reference);
  await expect(page.getByTestId("problems")).toHaveAttribute("data-count", "0", { timeout: 30_000 });

  // What the sandbox does not have is an error in the editor, before any run: a module it lacks,
  // a Node API it lacks, and the DOM.
  await setCode(page, `${reference}\nimport { createServer } from "node:http";\nimport { readFile } from "node:fs";\nexport const lacking = [createServer, readFile, process.cpuUsage(), document.title];\n`);
  await expect(page.getByTestId("problems")).not.toHaveAttribute("data-count", "0", { timeout: 30_000 });
  const problems = (await markers(page)).join("\n");
  expect(problems).toMatch(/node:http/);
  expect(problems).toMatch(/cpuUsage/);
  expect(problems).toMatch(/document/);
  expect(problems).not.toMatch(/node:fs/);
  await testInfo.attach("node-exercise-type-errors", { body: await page.screenshot(), contentType: "image/png" });

  // A plausible wrong parser (splits on every comma, ignores quotes) fails the visible tests.
  const wrong = `import { Transform } from "node:stream";
export function csvParser(options: { delimiter?: string } = {}) {
  const delimiter = options.delimiter ?? ",";
  let header: string[] | null = null;
  let rest = "";
  return new Transform({
    readableObjectMode: true,
    transform(chunk, _encoding, callback) {
      const lines = (rest + chunk.toString()).split(/\\r?\\n/);
      rest = lines.pop() ?? "";
      for (const line of lines) {
        const fields = line.split(delimiter);
        if (!header) header = fields;
        else this.push(Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ""])));
      }
      callback();
    },
  });
}
`;
  await setCode(page, wrong);
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "failed");
  await expect(page.locator('[data-test-status="failed"]').first()).toBeVisible();
  await testInfo.attach("node-exercise-wrong", { body: await page.screenshot(), contentType: "image/png" });

  // The reference passes everything on Submit, hidden tests included.
  await setCode(page, reference);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "passed");
  expect(await page.locator('[data-hidden="true"][data-test-status="passed"]').count()).toBeGreaterThan(5);
  await expect(page.locator('[data-test-status="failed"]')).toHaveCount(0);
  await expect(page.getByTestId("solved-badge")).toBeVisible();
  await testInfo.attach("node-exercise-solved", { body: await page.screenshot(), contentType: "image/png" });
});
