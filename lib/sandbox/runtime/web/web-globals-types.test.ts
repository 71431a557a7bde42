import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleWebGlobals, loadInVm } from "./bundle-support.ts";

const DECLARATIONS = path.resolve(import.meta.dirname, "../../types/web-globals.d.ts");

interface DeclaredGlobal {
  name: string;
  kind: "class" | "function";
  statics: string[];
  members: string[];
}

function memberName(member: ts.ClassElement, source: ts.SourceFile): string | null {
  if (member.name === undefined) return null;
  if (ts.isComputedPropertyName(member.name)) return member.name.expression.getText(source); // e.g. Symbol.iterator
  return member.name.getText(source);
}

function declaredGlobals(): DeclaredGlobal[] {
  const source = ts.createSourceFile(DECLARATIONS, fs.readFileSync(DECLARATIONS, "utf8"), ts.ScriptTarget.ES2023, true);
  const globals: DeclaredGlobal[] = [];
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      if (!globals.some((global) => global.name === statement.name!.text)) globals.push({ name: statement.name.text, kind: "function", statics: [], members: [] });
    } else if (ts.isClassDeclaration(statement) && statement.name) {
      const statics: string[] = [];
      const members: string[] = [];
      for (const member of statement.members) {
        if (ts.isConstructorDeclaration(member)) continue;
        const name = memberName(member, source);
        if (name === null) continue;
        const isStatic = ts.getCombinedModifierFlags(member as ts.Declaration) & ts.ModifierFlags.Static;
        (isStatic ? statics : members).push(name);
      }
      globals.push({ name: statement.name.text, kind: "class", statics: [...new Set(statics)], members: [...new Set(members)] });
    }
  }
  return globals;
}

let run: (source: string) => unknown;
let provided: string[];
beforeAll(async () => {
  const loaded = loadInVm(new vm.Script(await bundleWebGlobals()));
  run = loaded.run;
  provided = Object.keys(loaded.web);
});

describe("lib/sandbox/types/web-globals.d.ts", () => {
  it("declares exactly the globals that createWebGlobals provides", () => {
    const declared = declaredGlobals().map((global) => global.name);
    expect([...declared].sort()).toEqual([...provided].sort());
  });

  it("declares only members that exist at run time (in the bundled runtime, in a bare context)", () => {
    const missing: string[] = [];
    for (const global of declaredGlobals()) {
      const type = run(`typeof ${global.name}`);
      if (type !== "function") missing.push(`${global.name} is ${String(type)}`);
      for (const name of global.statics) {
        const key = name.startsWith("Symbol.") ? `[${name}]` : JSON.stringify(name);
        if (run(`${key} in ${global.name}`) !== true) missing.push(`${global.name}.${name}`);
      }
      for (const name of global.members) {
        const key = name.startsWith("Symbol.") ? name : JSON.stringify(name);
        if (run(`${key} in ${global.name}.prototype`) !== true) missing.push(`${global.name}.prototype.${name}`);
      }
    }
    expect(missing).toEqual([]);
    // The walk really saw the declarations.
    expect(declaredGlobals().find((global) => global.name === "Response")?.statics).toEqual(["error", "json", "redirect"]);
  });

  it("type-checks on its own with the ES2023 libs only, and leaves out what the sandbox lacks", () => {
    const sample = path.resolve(import.meta.dirname, "web-globals-sample.ts");
    const sampleText = `
      const controller = new AbortController();
      const signal: AbortSignal = AbortSignal.any([controller.signal, AbortSignal.timeout(10)]);
      const url = new URL("/a?b=1", "https://example.com");
      url.searchParams.append("c", "2");
      const request = new Request(url, { method: "POST", body: new URLSearchParams({ a: "1" }), signal });
      const response = Response.json({ ok: true }, { status: 201, headers: [["x-a", "1"]] });
      const bytes: Uint8Array = new TextEncoder().encode("x");
      const text: string = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      const copy: { a: number[] } = structuredClone({ a: [1] });
      const stream = new ReadableStream<string>({ start(c) { c.enqueue(text); c.close(); } }).pipeThrough(new TextEncoderStream());
      const form = new FormData();
      form.append("file", new File(["x"], "x.txt"), "y.txt");
      async function main(): Promise<void> {
        for await (const chunk of stream) void chunk.byteLength;
        const data: unknown = await response.json();
        void [data, await request.formData(), copy, atob(btoa("x")), new DOMException("m", "AbortError").code];
      }
      void main;
      // @ts-expect-error: the sandbox has no network
      void fetch;
      // @ts-expect-error: no DOM
      void document;
      // @ts-expect-error: no Node globals
      void process;
      // @ts-expect-error: no Node globals
      void setTimeout;
    `;
    const host = ts.createCompilerHost({});
    const readFile = host.readFile;
    host.readFile = (file) => (path.resolve(file) === sample ? sampleText : readFile(file));
    host.fileExists = ((exists) => (file: string) => path.resolve(file) === sample || exists(file))(host.fileExists);
    const program = ts.createProgram({
      rootNames: [DECLARATIONS, sample],
      options: { lib: ["lib.es2023.d.ts"], types: [], strict: true, noEmit: true, target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext, skipLibCheck: false },
      host,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
    expect(diagnostics).toEqual([]);
  });
});
