/** MiniSearch options shared by the index builder (server) and the search box (browser). */
export const SEARCH_OPTIONS = {
  fields: ["lesson", "heading", "text"],
  storeFields: ["href", "lesson", "track", "heading"],
  searchOptions: { boost: { lesson: 4, heading: 2 }, prefix: true, fuzzy: 0.15, combineWith: "AND" as const },
};
