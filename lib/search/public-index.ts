import "server-only";
import MiniSearch from "minisearch";
import { getExerciseCatalog, toPublic } from "../content/exercises.ts";
import { getLessonCatalog } from "../content/lessons.ts";
import { exerciseDocuments, lessonDocuments } from "./documents.ts";
import { SEARCH_OPTIONS, type SearchDocument } from "./options.ts";

/** The index of what anyone may read (lessons by section, exercise statements), serialised for the browser. */
export function buildPublicSearchIndex(): string {
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(lessonDocuments(getLessonCatalog()));
  index.addAll(exerciseDocuments(getExerciseCatalog().exercises.map(toPublic)));
  return JSON.stringify(index);
}
