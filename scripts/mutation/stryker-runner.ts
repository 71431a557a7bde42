// A StrykerJS test runner that runs every mutant the way a learner's Submit runs: the mutated
// reference solution goes through the production sandbox (lib/exercises/check.ts) against the
// exercise's visible and hidden tests. Mutants are applied as source text (Stryker's replacement
// spliced into the original solution), not through Stryker's instrumented switch code, so what is
// judged is exactly a program a learner could have written. Decision 012.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { commonTokens, declareClassPlugin, declareValuePlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";
import type { Ignorer, NodePath } from "@stryker-mutator/api/ignore";
import type { Logger } from "@stryker-mutator/api/logging";
import {
  DryRunStatus,
  MutantRunStatus,
  TestStatus,
  type DryRunResult,
  type MutantRunOptions,
  type MutantRunResult,
  type TestResult,
  type TestRunner,
  type TestRunnerCapabilities,
} from "@stryker-mutator/api/test-runner";
import type { Exercise } from "../../lib/content/exercises.ts";
import { defaultLimits } from "../../lib/sandbox/limits.ts";
import type { RunResult } from "../../lib/sandbox/types.ts";
import { applyMutant, slugOfSolution } from "../../lib/content/mutation-report.ts";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

type Check = (exercise: Exercise, code: string) => Promise<RunResult>;

export class DeependTestRunner implements TestRunner {
  static inject = tokens(commonTokens.logger);
  private exercises = new Map<string, Exercise>();
  private check: Check | undefined;

  private readonly log: Logger;

  constructor(log: Logger) {
    this.log = log;
  }

  capabilities(): TestRunnerCapabilities {
    // Every mutant is a fresh source run in a fresh isolate: nothing to reload.
    return { reloadEnvironment: true };
  }

  async init(): Promise<void> {
    // The sandbox and the content loader resolve paths from the working directory; Stryker starts
    // its runners inside its own copy of the project, where neither lives.
    process.chdir(PROJECT_ROOT);
    const [{ readExerciseCatalog }, { checkSolution }] = await Promise.all([import("../../lib/content/exercises.ts"), import("../../lib/exercises/check.ts")]);
    for (const exercise of readExerciseCatalog().catalog.exercises) this.exercises.set(exercise.slug, exercise);
    // The production CPU limit decides what is too slow, as for a learner's Submit; the wall-clock
    // limit is generous so that a busy machine cannot turn a surviving mutant into a "timeout".
    const { cpuMs } = defaultLimits();
    this.check = (exercise, code) => checkSolution(exercise, code, "submit", { cpuMs, wallMs: cpuMs * 10 });
  }

  async dispose(): Promise<void> {
    const { getSandbox } = await import("../../lib/sandbox/index.ts");
    await getSandbox().close();
  }

  private exerciseFor(fileName: string): Exercise {
    const slug = slugOfSolution(fileName);
    const exercise = slug ? this.exercises.get(slug) : undefined;
    if (!exercise) throw new Error(`${fileName} is not the solution.ts of a known exercise`);
    return exercise;
  }

  /** The dry run proves every chosen reference solution passes. */
  async dryRun(): Promise<DryRunResult> {
    const slugs = (process.env.DEEPEND_MUTATION_SLUGS ?? "").split(",").filter(Boolean);
    const tests: TestResult[] = [];
    for (const slug of slugs) {
      const exercise = this.exercises.get(slug);
      if (!exercise) return { status: DryRunStatus.Error, errorMessage: `Unknown exercise ${slug}` };
      const result = await this.check!(exercise, exercise.solution);
      if (result.status !== "passed") return { status: DryRunStatus.Error, errorMessage: `${slug}: the reference solution does not pass (${result.status}): ${result.error?.message ?? ""}` };
      for (const t of result.tests) tests.push({ id: `${slug}: ${t.name}`, name: `${slug}: ${t.name}`, timeSpentMs: t.durationMs ?? 0, status: TestStatus.Success });
    }
    return { status: DryRunStatus.Complete, tests };
  }

  async mutantRun({ activeMutant }: MutantRunOptions): Promise<MutantRunResult> {
    const exercise = this.exerciseFor(activeMutant.fileName);
    const code = applyMutant(exercise.solution, activeMutant);
    const result = await this.check!(exercise, code);
    const nrOfTests = result.tests.length;
    const failed = result.tests.filter((t) => t.status === "failed" && !t.interrupted);
    if (result.status === "passed") return { status: MutantRunStatus.Survived, nrOfTests };
    // A test that failed before a limit was hit killed the mutant; only a bare timeout is a timeout.
    if (result.status === "timeout" && failed.length === 0) return { status: MutantRunStatus.Timeout, reason: result.error?.message ?? "timeout" };
    if (result.status === "busy") return { status: MutantRunStatus.Error, errorMessage: "the sandbox queue was full" };
    this.log.debug(`${exercise.slug} mutant ${activeMutant.id} killed by ${failed.map((t) => t.name).join("; ")}`);
    return {
      status: MutantRunStatus.Killed,
      killedBy: failed.map((t) => `${exercise.slug}: ${t.name}`),
      // A mutant that crashes at load or breaks the harness's rules fails every test: it is killed.
      failureMessage: failed[0]?.message ?? result.error?.message ?? result.status,
      nrOfTests,
    };
  }
}

interface BabelNode {
  type: string;
  value?: unknown;
  name?: string;
  callee?: BabelNode;
  property?: BabelNode;
  arguments?: BabelNode[];
}

function calleeName(callee: BabelNode | undefined): string | undefined {
  if (callee?.type === "Identifier") return callee.name;
  if (callee?.type === "MemberExpression") return calleeName(callee.property);
  return undefined;
}

/**
 * The wording of an error's message (`new XError("…")`, a string with spaces or a template) is free
 * text in most specs, which fix the error class and its code: mutating it would make equivalent
 * mutants, so it is not mutated. Codes (`"MALFORMED"`) still are. Where a spec does fix the wording,
 * its tests check it directly (`toThrow(new RangeError("…"))`); only those kills are given up.
 */
const errorMessageIgnorer: Ignorer = {
  shouldIgnore(path: NodePath): string | undefined {
    const { node, parent } = path as unknown as { node: BabelNode; parent: BabelNode | null };
    const isText = node.type === "TemplateLiteral" || (node.type === "StringLiteral" && typeof node.value === "string" && /\s/.test(node.value));
    if (!isText || parent?.type !== "NewExpression" || !parent.arguments?.includes(node)) return undefined;
    return calleeName(parent.callee)?.endsWith("Error") ? "the wording of an error message (the spec fixes the class and code)" : undefined;
  },
};

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, "deepend", DeependTestRunner), declareValuePlugin(PluginKind.Ignore, "error-messages", errorMessageIgnorer)];
