import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DifficultyBadge } from "@/components/badges";
import { NodeRuntimeNote } from "@/components/exercise/node-runtime-note";
import { SqlEngineNote } from "@/components/exercise/sql/sql-engine-note";
import { ExerciseWorkbench } from "@/components/exercise/workbench";
import { getPreferences } from "@/lib/account/preferences";
import { getCurrentUser } from "@/lib/auth/session";
import { getExercise, toPublic } from "@/lib/content/exercises";
import { getLessonCatalog } from "@/lib/content/lessons";
import { renderLessonMarkdown } from "@/lib/content/markdown";
import { editorTypes } from "@/lib/exercises/editor-types";
import { getExerciseState, listSubmissions } from "@/lib/exercises/progress";
import { Breadcrumb } from "@/components/breadcrumb";

type Params = { params: Promise<{ slug: string }> };

/** The program of a predict exercise, highlighted here so the page ships no highlighter. */
async function renderProgram(program: string): Promise<string> {
  const longestFence = Math.max(2, ...[...program.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longestFence + 1);
  return (await renderLessonMarkdown(`${fence}js\n${program}\n${fence}`)).html;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const exercise = getExercise((await params).slug);
  return { title: exercise?.title ?? "Exercise not found" };
}

export default async function ExercisePage({ params }: Params) {
  const found = getExercise((await params).slug);
  if (!found) notFound();
  // Only public fields go further: hidden tests and the solution never reach the client.
  const exercise = toPublic(found);
  const user = await getCurrentUser();
  const [state, submissions, rendered, preferences, programHtml] = await Promise.all([
    user ? getExerciseState(user.id, found.id) : null,
    user ? listSubmissions(user.id, found.id) : [],
    renderLessonMarkdown(exercise.instructions),
    user ? getPreferences(user.id) : null,
    exercise.program !== undefined ? renderProgram(exercise.program) : null,
  ]);
  const types = editorTypes(exercise.kind);
  const runtimeTypes = exercise.kind === "node" ? types.runtimeTypes : undefined;
  const lesson = getLessonCatalog().lessons.get(`${exercise.track}/${exercise.lesson}`);

  const instructions = (
    <>
      <Breadcrumb items={[{ label: "Exercises", href: "/exercises" }]} />
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{exercise.title}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-500">
        <DifficultyBadge difficulty={exercise.difficulty} />
        <span>{exercise.estimatedMinutes} min</span>
        {lesson ? (
          <span>
            · Practises{" "}
            <Link href={lesson.href} className="text-accent-600 hover:underline">
              {lesson.title}
            </Link>
          </span>
        ) : null}
      </div>
      {exercise.kind === "node" ? <NodeRuntimeNote runtimeTypes={runtimeTypes} /> : null}
      {exercise.kind === "sql" || exercise.kind === "sql-code" ? <SqlEngineNote kind={exercise.kind} /> : null}
      <div className="lesson-body prose prose-sm prose-zinc mt-5 max-w-none dark:prose-invert prose-pre:bg-transparent prose-pre:p-0" dangerouslySetInnerHTML={{ __html: rendered.html }} />
    </>
  );

  return (
    <ExerciseWorkbench
      slug={exercise.slug}
      title={exercise.title}
      kind={exercise.kind}
      starter={exercise.starter}
      visibleTests={exercise.visibleTests}
      testApiTypes={types.testApiTypes}
      {...(exercise.schema ? { schema: exercise.schema } : {})}
      runtimeTypes={runtimeTypes}
      signedIn={user !== null}
      initialDraft={state?.draft ?? null}
      initialMyTests={state?.myTests ?? null}
      hints={exercise.hints.slice(0, state?.hintsRevealed ?? 0)}
      hintsTotal={exercise.hints.length}
      solved={state?.solvedAt != null}
      submissions={submissions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }))}
      instructions={instructions}
      program={programHtml !== null ? <div dangerouslySetInnerHTML={{ __html: programHtml }} /> : undefined}
      editorPreferences={preferences ? { editorKeymap: preferences.editorKeymap, editorWrap: preferences.editorWrap } : null}
    />
  );
}
