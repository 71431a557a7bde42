import "server-only";
import MiniSearch from "minisearch";
import { getLessonCatalog } from "../content/lessons.ts";
import { DESIGN_SECTIONS, listDesignNotes } from "../notes/design-notes.ts";
import { listLessonNotes } from "../notes/lesson-notes.ts";
import { listRetros } from "../notes/retros.ts";
import { getPlan } from "../plan/content.ts";
import { designNoteDocuments, lessonNoteDocuments, retroDocuments } from "./documents.ts";
import { SEARCH_OPTIONS, type SearchDocument } from "./options.ts";
import { toHits, type SearchHit } from "./results.ts";

/**
 * Searches what the user wrote: their retros, design notes and lesson notes, and nobody else's
 * (every list is read by the user's id). A few dozen documents, so the index is built per request.
 */
export async function searchPersonalNotes(userId: string, query: string, limit = 6): Promise<SearchHit[]> {
  const [retros, designNotes, lessonNotes] = await Promise.all([listRetros(userId), listDesignNotes(userId), listLessonNotes(userId)]);
  const weeks = new Map(getPlan().weeks.map((week) => [week.number, week]));
  const index = new MiniSearch<SearchDocument>(SEARCH_OPTIONS);
  index.addAll(retroDocuments(retros, (n) => weeks.get(n)?.title));
  index.addAll(designNoteDocuments(designNotes, DESIGN_SECTIONS, (n) => weeks.get(n)?.designPrompt?.title));
  index.addAll(lessonNoteDocuments(lessonNotes, getLessonCatalog().lessons));
  return toHits(index.search(query), limit);
}
