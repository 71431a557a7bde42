// Anything (the header button, the phone menu, a shortcut) opens the one search dialog through
// this event, so the dialog's code loads once, on demand, in one place.
export const OPEN_SEARCH_EVENT = "deepend:open-search";

export function openSearch(): void {
  window.dispatchEvent(new Event(OPEN_SEARCH_EVENT));
}

/** Typing in a field or the code editor: `/` and Ctrl+K belong to it there. */
export function isTypingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest("input, textarea, select, [contenteditable], .monaco-editor") !== null);
}
