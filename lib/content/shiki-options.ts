/** Shiki's themes and colour mode for lessons and notes alike; shared by server and browser. */
export const SHIKI_OPTIONS = { themes: { light: "github-light", dark: "github-dark" }, defaultColor: "light" } as const;
