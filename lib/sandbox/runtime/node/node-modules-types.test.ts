import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import type { NodeModules } from "./index.ts";
import { loadRuntimeInBareContext, fakeHost, nodeWeb } from "./test-support.ts";

const TYPES_DIR = path.resolve(import.meta.dirname, "../../types");
const DECLARATIONS = path.join(TYPES_DIR, "node-modules.d.ts");
const NODE_GLOBALS = path.join(TYPES_DIR, "node-globals.d.ts");
const WEB_GLOBALS = path.join(TYPES_DIR, "web-globals.d.ts");

const source = ts.createSourceFile(DECLARATIONS, fs.readFileSync(DECLARATIONS, "utf8"), ts.ScriptTarget.ES2023, true);

type Runtime = Record<PropertyKey, unknown>;
let runtime: NodeModules;
beforeAll(async () => {
  const { exports } = await loadRuntimeInBareContext();
  runtime = exports.createNodeModules(fakeHost(), nodeWeb);
});

function nameOf(member: ts.ClassElement | ts.TypeElement): string | undefined {
  if (!member.name) return undefined;
  if (ts.isComputedPropertyName(member.name)) return member.name.expression.getText(source);
  return member.name.getText(source);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

/** Members a class or interface declares, with optional ones and call/construct signatures left out. */
function declaredMembers(members: ts.NodeArray<ts.ClassElement | ts.TypeElement>, wantStatic: boolean): string[] {
  const names = members
    .filter((member) => !ts.isConstructorDeclaration(member) && !(member as { questionToken?: unknown }).questionToken)
    .filter((member) => hasModifier(member, ts.SyntaxKind.StaticKeyword) === wantStatic)
    .filter((member) => !hasModifier(member, ts.SyntaxKind.PrivateKeyword))
    .map(nameOf)
    .filter((name): name is string => name !== undefined);
  return [...new Set(names)];
}

interface DeclaredModule {
  name: string;
  body: ts.ModuleBlock;
}

function declaredModules(): DeclaredModule[] {
  return source.statements.flatMap((statement) =>
    ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name) && statement.body && ts.isModuleBlock(statement.body)
      ? [{ name: statement.name.text, body: statement.body }]
      : [],
  );
}

/** Finds a module-local declaration by name: its value-side node, or undefined for type-only names. */
function localValue(body: ts.ModuleBlock, name: string): ts.Node | undefined {
  for (const statement of body.statements) {
    if ((ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement) || ts.isModuleDeclaration(statement)) && statement.name?.getText(source) === name) {
      return statement;
    }
    if (ts.isVariableStatement(statement)) {
      const declaration = statement.declarationList.declarations.find((d) => d.name.getText(source) === name);
      if (declaration) return declaration;
    }
    if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name) return statement;
  }
  return undefined;
}

/** The value exports of a "node:" module, each with the node that declares it. */
function valueExports(module: DeclaredModule): Map<string, ts.Node> {
  const exports = new Map<string, ts.Node>();
  for (const statement of module.body.statements) {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(statement) && !statement.exportClause && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      // export * from "node:other"
      const target = statement.moduleSpecifier.text;
      const other = declaredModules().find((candidate) => candidate.name === target);
      if (other) for (const [name, node] of valueExports(other)) exports.set(name, node);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && !statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const specifier of statement.exportClause.elements) {
        const value = localValue(module.body, (specifier.propertyName ?? specifier.name).text);
        if (value) exports.set(specifier.name.text, value);
      }
    } else if (exported && (ts.isClassDeclaration(statement) || ts.isFunctionDeclaration(statement)) && statement.name) {
      exports.set(statement.name.text, statement);
    } else if (exported && ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) exports.set(declaration.name.getText(source), declaration);
    } else if (ts.isImportEqualsDeclaration(statement) && statement.isTypeOnly === false && exported) {
      exports.set(statement.name.text, statement);
    }
  }
  return exports;
}

/** Instances to look members up on (members may live on the prototype or be set by the constructor). */
function instanceOf(className: string, exported: Runtime): object | undefined {
  const stream = runtime.modules.stream as Runtime;
  const crypto = runtime.modules.crypto as { createHash(name: string): object; createHmac(name: string, key: string): object };
  const constructors: Record<string, () => object> = {
    EventEmitter: () => new (exported as unknown as new () => object)(),
    Stream: () => new (stream.Stream as new () => object)(),
    Readable: () => new (stream.Readable as new () => object)(),
    Writable: () => new (stream.Writable as new () => object)(),
    Duplex: () => new (stream.Duplex as new () => object)(),
    Transform: () => new (stream.Transform as new () => object)(),
    PassThrough: () => new (stream.PassThrough as new () => object)(),
    StringDecoder: () => new (exported as unknown as new () => object)(),
    Hash: () => crypto.createHash("sha256"),
    Hmac: () => crypto.createHmac("sha256", "key"),
    AssertionError: () => new (exported as unknown as new (options: object) => object)({ message: "x" }),
  };
  return constructors[className]?.();
}

function checkClass(where: string, declaration: ts.ClassDeclaration, value: unknown, missing: string[]): void {
  if (typeof value !== "function") {
    missing.push(`${where} is not a class`);
    return;
  }
  const className = declaration.name?.text ?? "";
  for (const name of declaredMembers(declaration.members, true)) {
    if (!(name.startsWith("Symbol.") ? Symbol.asyncIterator in value : name in value)) missing.push(`${where}.${name}`);
  }
  const instance = instanceOf(className, value as unknown as Runtime);
  if (!instance) {
    missing.push(`${where}: no instance to check (add it to instanceOf)`);
    return;
  }
  for (const name of declaredMembers(declaration.members, false)) {
    const key = name === "Symbol.asyncIterator" ? Symbol.asyncIterator : name;
    if (!(key in instance)) missing.push(`${where}.prototype.${name}`);
  }
}

function checkNamespace(where: string, declaration: ts.ModuleDeclaration, value: unknown, missing: string[]): void {
  if (!declaration.body || !ts.isModuleBlock(declaration.body)) return;
  for (const statement of declaration.body.statements) {
    const names = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.map((d) => d.name.getText(source))
      : (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name
        ? [statement.name.text]
        : [];
    for (const name of names) {
      const member = (value as Runtime | undefined)?.[name];
      if (member === undefined) missing.push(`${where}.${name}`);
      else if (ts.isClassDeclaration(statement)) checkClass(`${where}.${name}`, statement, member, missing);
    }
  }
}

describe("lib/sandbox/types/node-modules.d.ts", () => {
  it("declares every module the runtime provides, under node: and the bare name, and no other", () => {
    const declared = declaredModules().map((module) => module.name);
    const provided = Object.keys(runtime.modules);
    expect([...declared].sort()).toEqual([...provided.flatMap((name) => [name, `node:${name}`])].sort());
  });

  it("declares only exports and members that exist at run time, and every public export", () => {
    const missing: string[] = [];
    const undeclared: string[] = [];
    for (const declared of declaredModules().filter((m) => m.name.startsWith("node:"))) {
      const moduleName = declared.name.slice("node:".length);
      const exported = runtime.modules[moduleName] as Runtime;
      const exports = valueExports(declared);
      for (const [name, declaration] of exports) {
        const value = exported[name];
        const where = `${declared.name}.${name}`;
        if (value === undefined) missing.push(where);
        else if (ts.isClassDeclaration(declaration)) checkClass(where, declaration, value, missing);
        else if (ts.isFunctionDeclaration(declaration) && typeof value !== "function") missing.push(`${where} is not a function`);
      }
      for (const statement of declared.body.statements) {
        if (ts.isModuleDeclaration(statement) && exports.has(statement.name.getText(source))) {
          checkNamespace(`${declared.name}.${statement.name.getText(source)}`, statement, exported[statement.name.getText(source)], missing);
        } else if (ts.isModuleDeclaration(statement)) {
          // assert's namespace merges with the default-exported function.
          checkNamespace(declared.name, statement, exported, missing);
        }
      }
      // Names the runtime exports that the declarations leave out (underscored internals aside;
      // process is checked against its interface below).
      if (moduleName !== "process") {
        for (const key of Object.keys(exported)) {
          if (!exports.has(key) && !key.startsWith("_")) undeclared.push(`${declared.name}.${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(undeclared).toEqual([]);
  });

  it("declares Buffer and process members that exist on the globals", () => {
    const interfaces = new Map<string, ts.InterfaceDeclaration>();
    const collect = (statements: ts.NodeArray<ts.Statement>, prefix: string) => {
      for (const statement of statements) {
        if (ts.isInterfaceDeclaration(statement)) interfaces.set(prefix + statement.name.text, statement);
        if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name) && statement.body && ts.isModuleBlock(statement.body)) {
          collect(statement.body.statements, `${statement.name.text}.`);
        }
      }
    };
    collect(source.statements, "");
    const { Buffer, process } = runtime.globals as unknown as { Buffer: Runtime & { alloc(size: number): object }; process: Runtime & { memoryUsage(): object } };
    const targets: Record<string, object> = {
      Buffer: Buffer.alloc(1),
      BufferConstructor: Buffer,
      "NodeJS.Process": process,
      "NodeJS.WriteStream": process.stdout as object,
      "NodeJS.MemoryUsage": process.memoryUsage(),
    };
    const missing: string[] = [];
    for (const [name, target] of Object.entries(targets)) {
      const declaration = interfaces.get(name);
      if (!declaration) {
        missing.push(`interface ${name} is not declared`);
        continue;
      }
      for (const member of declaredMembers(declaration.members, false)) if (!(member in target)) missing.push(`${name}.${member}`);
    }
    expect(missing).toEqual([]);
    expect(declaredMembers((interfaces.get("NodeJS.Process") as ts.InterfaceDeclaration).members, false)).toContain("nextTick");
  });

  it.runIf(fs.existsSync(WEB_GLOBALS))("type-checks exercise-like code with the sandbox's other declarations only", () => {
    const sample = path.join(import.meta.dirname, "node-modules-sample.ts");
    const sampleText = `
      import { EventEmitter, once } from "node:events";
      import Events from "events";
      import { Readable, Transform, Writable, pipeline, type TransformCallback } from "node:stream";
      import { pipeline as pipelineAsync } from "node:stream/promises";
      import { Buffer as ImportedBuffer } from "buffer";
      import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
      import { setTimeout as sleep } from "node:timers/promises";
      import { promisify, inspect, types } from "node:util";
      import assert from "node:assert/strict";
      import { strictEqual } from "node:assert";
      import { StringDecoder } from "string_decoder";

      class Upper extends Transform {
        override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
          callback(null, chunk.toString("utf8").toUpperCase());
        }
      }
      async function main(): Promise<void> {
        const bus = new EventEmitter({ captureRejections: true });
        bus.on("x", (value: number) => void value);
        const [value] = await once(bus, "x", { signal: AbortSignal.timeout(10) });
        const sink = new Writable({ highWaterMark: 4, write(chunk: Buffer, _encoding, callback) { void chunk; callback(); } });
        const accepted: boolean = sink.write("abc");
        pipeline(Readable.from(["a"]), new Upper(), sink, (error) => { if (error) throw error; });
        await pipelineAsync(Readable.from(["a"]), async function* (source) { for await (const chunk of source) yield chunk; }, new Writable());
        const digest: string = createHash("sha256").update("x", "utf8").digest("hex");
        const mac: Buffer = createHmac("sha256", ImportedBuffer.from("k")).update(Buffer.alloc(2)).digest();
        assert.equal(timingSafeEqual(mac, mac), true);
        strictEqual(digest.length, 64);
        await assert.rejects(sleep(1, "v", { signal: AbortSignal.abort() }), { name: "AbortError" });
        const wait = promisify((ms: number, callback: (error: Error | null, done: string) => void) => callback(null, String(ms)));
        const done: string = await wait(1);
        process.stdout.write(process.version + new StringDecoder("utf8").write(Buffer.from("x")));
        process.nextTick((n: number) => void n, 1);
        void [value, accepted, done, randomUUID(), inspect({ a: 1 }, { depth: 0 }), types.isDate(new Date()), Events.defaultMaxListeners];
      }
      void main;
      // @ts-expect-error: no webcrypto
      void createHash.subtle;
      // @ts-expect-error: fs is not among these modules
      void import("node:http");
    `;
    const host = ts.createCompilerHost({});
    const readFile = host.readFile;
    host.readFile = (file) => (path.resolve(file) === sample ? sampleText : readFile(file));
    host.fileExists = ((exists) => (file: string) => path.resolve(file) === sample || exists(file))(host.fileExists);
    const program = ts.createProgram({
      rootNames: [NODE_GLOBALS, WEB_GLOBALS, DECLARATIONS, sample],
      options: {
        lib: ["lib.es2023.d.ts"],
        types: [],
        strict: true,
        noUncheckedIndexedAccess: true,
        noImplicitOverride: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2023,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
      },
      host,
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${path.basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : "";
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
    });
    expect(diagnostics).toEqual([]);
  });
});
