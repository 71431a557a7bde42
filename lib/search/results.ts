import type { SearchResult } from "minisearch";
import type { SearchDocument } from "./options.ts";
import { snippet, type SnippetPart } from "./snippet.ts";

/** A result as the search box shows it: no full text, just the snippet. */
export type SearchHit = Omit<SearchDocument, "text"> & { snippet: SnippetPart[] };

/** Turns MiniSearch results (with every stored field) into hits, best first. */
export function toHits(results: SearchResult[], limit: number): SearchHit[] {
  return results.slice(0, limit).map((result) => {
    const { id, kind, href, title, context, heading, text } = result as SearchResult & SearchDocument;
    return { id, kind, href, title, context, heading, snippet: snippet(text, result.terms) };
  });
}
