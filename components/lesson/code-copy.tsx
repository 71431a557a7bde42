"use client";

import { useEffect, useState } from "react";

/** Copies with the Clipboard API, or by selecting the text where that API is missing (plain http on a LAN). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (permissions): try the old way.
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.cssText = "position:fixed;top:0;left:0;opacity:0";
  document.body.append(area);
  area.select();
  const copied = document.execCommand("copy");
  area.remove();
  return copied;
}

/**
 * Makes the lesson's "Copy" buttons (rendered on the server with each code block, see
 * lib/content/markdown.ts) work, and announces the outcome to screen readers.
 */
export function CodeCopyButtons() {
  const [announcement, setAnnouncement] = useState("");
  useEffect(() => {
    const timers = new Map<HTMLButtonElement, ReturnType<typeof setTimeout>>();
    const onClick = async (event: MouseEvent) => {
      const button = (event.target as Element).closest<HTMLButtonElement>("button[data-copy-code]");
      const code = button?.parentElement?.querySelector("pre")?.textContent;
      if (!button || code == null) return;
      const copied = await copyText(code);
      const message = copied ? "Copied" : "Copy failed";
      button.textContent = message;
      setAnnouncement(message);
      clearTimeout(timers.get(button));
      timers.set(
        button,
        setTimeout(() => {
          button.textContent = "Copy";
          setAnnouncement("");
        }, 2000),
      );
    };
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("click", onClick);
      timers.forEach(clearTimeout);
    };
  }, []);
  return (
    <p aria-live="polite" className="sr-only" data-testid="copy-status">
      {announcement}
    </p>
  );
}
