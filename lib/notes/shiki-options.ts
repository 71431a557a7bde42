/**
 * Shiki's look for code in notes: the lessons' themes and colour mode (lib/content/markdown.ts),
 * so a code block reads the same in a note as in a lesson. Shared by server and browser.
 */
export const SHIKI_OPTIONS = { themes: { light: "github-light", dark: "github-dark" }, defaultColor: "light" } as const;
