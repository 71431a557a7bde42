import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase kebab-case");

export const LEVELS = ["senior", "staff", "principal"] as const;
export const DIFFICULTIES = ["easy", "medium", "hard"] as const;

/** The `##` sections every lesson has, in this order ("Going further" is optional, last). */
export const REQUIRED_SECTIONS = [
  "Why it matters",
  "Core ideas",
  "In code",
  "Pitfalls and misconceptions",
  "In production",
  "Interview questions",
] as const;
export const OPTIONAL_LAST_SECTION = "Going further";
export const LESSON_LINES = { min: 120, max: 400 } as const;
export const MIN_INTERVIEW_QUESTIONS = 5;

export const trackFrontMatterSchema = z.strictObject({
  title: z.string().min(3).max(80),
  summary: z.string().min(10).max(300),
  order: z.number().int().min(0),
});

/** "<track>/<slug>" reference to a lesson. */
export const lessonRefSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must look like "<track>/<slug>"');

export const lessonFrontMatterSchema = z.strictObject({
  title: z.string().min(3).max(100),
  summary: z.string().min(10).max(400),
  track: slug,
  order: z.number().int().min(0),
  level: z.enum(LEVELS),
  estimatedMinutes: z.number().int().min(1).max(240),
  related: z.array(lessonRefSchema).default([]),
  concepts: z.array(slug).default([]),
});

/**
 * code: TypeScript against tests; node: the same with the sandbox's Node runtime; predict: type what a
 * program prints; sql: SQL statements against PostgreSQL; sql-code: TypeScript against a database client.
 */
export const EXERCISE_KINDS = ["code", "node", "predict", "sql", "sql-code"] as const;

export const exerciseFrontMatterSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(EXERCISE_KINDS).default("code"),
  title: z.string().min(3).max(100),
  difficulty: z.enum(DIFFICULTIES),
  track: slug,
  lesson: slug,
  /** Other lessons ("<track>/<slug>") whose ideas the exercise also practises; their pages list it too. */
  related: z.array(lessonRefSchema).default([]),
  tags: z.array(z.string().min(1).max(40)).default([]),
  estimatedMinutes: z.number().int().min(1).max(240),
  order: z.number().int().min(0),
});

export type TrackFrontMatter = z.infer<typeof trackFrontMatterSchema>;
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type ExerciseFrontMatter = z.infer<typeof exerciseFrontMatterSchema>;
export type Level = (typeof LEVELS)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** content/exercises/challenges.json: every challenge the source documents name, and its exercises. */
export const challengeMapSchema = z.strictObject({
  $comment: z.string().optional(),
  challenges: z.array(
    z.strictObject({
      id: slug,
      source: z.string().min(3),
      title: z.string().min(3),
      exercises: z.array(slug).min(1),
      /** What part of a larger task the exercises cover, when they do not cover all of it. */
      note: z.string().optional(),
    }),
  ),
});
