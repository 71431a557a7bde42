// The sandbox's in-memory fs, through real program runs: what it declares to the editor exists,
// and it behaves like Node's for what programs do with it (errors, encodings, the poll phase).
import fs from "node:fs";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { runProgram } from "../../lib/sandbox/program.ts";
import { getSandbox } from "../../lib/sandbox/index.ts";

afterAll(() => getSandbox().close());

const stdout = async (source: string) => {
  const run = await runProgram(source);
  expect(run.error).toBeUndefined();
  return run.output.filter((l) => l.stream === "stdout").map((l) => l.text);
};

/** Exported names of an ambient `declare module "name"` block. */
function declaredExports(file: string, moduleName: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2023, true);
  const names = new Set<string>();
  source.forEachChild((node) => {
    if (!ts.isModuleDeclaration(node) || node.name.text !== moduleName || !node.body || !ts.isModuleBlock(node.body)) return;
    for (const statement of node.body.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
      if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) names.add(d.name.getText());
    }
  });
  return [...names].sort();
}

describe("the sandbox's fs", () => {
  it("provides every function its declarations promise, and no more", async () => {
    const declared = declaredExports("lib/sandbox/types/node-fs.d.ts", "node:fs");
    const promises = declaredExports("lib/sandbox/types/node-fs.d.ts", "node:fs/promises");
    expect(declared.length).toBeGreaterThan(10);
    const [runtime, runtimePromises] = await stdout(`const fs = require("node:fs"); console.log(Object.keys(fs).sort().join(",")); console.log(Object.keys(require("fs/promises")).sort().join(","));`);
    expect(runtime!.split(",")).toEqual(declared);
    expect(runtimePromises!.split(",")).toEqual(promises);
  });

  it("reads the program's own file in the poll phase, after the main module and its ticks", async () => {
    const run = await runProgram(`const fs = require("fs");\nfs.readFile(__filename, "utf8", (err, text) => console.log(err, text.split("\\n")[0]));\nprocess.nextTick(() => console.log("tick"));\nconsole.log("main");`);
    expect(run.output.map((l) => [l.text, l.phase])).toEqual([["main", "main"], ["tick", "nextTick"], ['null const fs = require("fs");', "poll"]]);
  });

  it("fails like Node for a missing file, and keeps what was written", async () => {
    expect(
      await stdout(`const fs = require("node:fs");
fs.readFile("/nope.txt", (err) => console.log(err.code, err.syscall, err.message));
fs.promises.writeFile("notes.txt", "a").then(() => fs.promises.appendFile("/sandbox/notes.txt", "b")).then(() => fs.promises.readFile("notes.txt", "utf8")).then((t) => console.log(t, fs.existsSync("/sandbox/notes.txt"), fs.readdirSync("/sandbox").join(",")));`),
    ).toEqual(["ENOENT open ENOENT: no such file or directory, open '/nope.txt'", "ab true main.js,notes.txt"]);
  });
});
