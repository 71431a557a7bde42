/** What a search result is; the label tells the reader where it will take them. */
export const SEARCH_KINDS = {
  lesson: "Lesson",
  exercise: "Exercise",
  retro: "Your retro",
  "design-note": "Your design note",
  "lesson-note": "Your lesson note",
} as const;

export type SearchKind = keyof typeof SEARCH_KINDS;

/** One searchable thing: a lesson section, an exercise, or one of the user's own notes (or a part of one). */
export interface SearchDocument {
  id: string;
  kind: SearchKind;
  href: string;
  title: string;
  /** Where it belongs (track, plan week…), shown small beside the title. */
  context: string;
  /** The section inside the document, or "". */
  heading: string;
  text: string;
}

/** MiniSearch options shared by every index: the public one (built at build time, searched in the browser) and the private one (per request). */
export const SEARCH_OPTIONS = {
  fields: ["title", "heading", "text"],
  storeFields: ["kind", "href", "title", "context", "heading", "text"],
  searchOptions: { boost: { title: 4, heading: 2 }, prefix: true, fuzzy: 0.15, combineWith: "AND" as const },
};

export const SEARCH_QUERY_MAX_CHARS = 200;
/** Shorter queries match half the index by prefix: not worth showing. */
export const SEARCH_QUERY_MIN_CHARS = 2;
