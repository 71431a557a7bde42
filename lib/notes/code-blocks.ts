// Pure helpers for code blocks in notes; shared by the server highlighter and the client preview.
/** How a server-highlighted code block is found again while rendering: its language and text. */
export function codeBlockKey(lang: string, code: string): string {
  return `${lang}\n${code}`;
}

/** A Markdown fence pasted whole (```mermaid … ```) reduced to the code inside it. */
export function stripCodeFence(text: string): string {
  const match = /^\s*(`{3,}|~{3,})[ \t]*[\w-]*[ \t]*\r?\n([\s\S]*?)\r?\n?[ \t]*\1[ \t]*\s*$/.exec(text);
  return match ? match[2]! : text;
}
