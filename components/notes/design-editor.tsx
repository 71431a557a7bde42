"use client";

import { useDeferredValue } from "react";
import { stripCodeFence } from "@/lib/notes/code-blocks";
import type { DesignSectionId, DesignSections } from "@/lib/notes/design-notes";
import { ConflictBanner, SideBySide } from "./conflict-banner";
import { useDocSaver, type StoredCopy } from "./doc-saver";
import { MarkdownPreview } from "./markdown-preview";
import { MermaidDiagram } from "./mermaid-diagram";
import { editorTextareaClass } from "./retro-editor";
import { SaveBar } from "./save-status";

export type SectionInfo = { id: DesignSectionId; title: string };

const HINTS: Record<DesignSectionId, string> = {
  requirements: "Functional and non-functional requirements; users, traffic, storage and bandwidth estimates.",
  api: "The main endpoints or messages, with their inputs and outputs.",
  "data-model": "Entities, keys and indexes; which store holds what, and why.",
  "high-level": "The components and how a request flows through them.",
  diagram: "Mermaid code, e.g. graph LR; Client-->API; API-->DB[(Database)] (a pasted ```mermaid fence works too). Other sections draw ```mermaid blocks as diagrams as well.",
  "deep-dives": "The hard parts: bottlenecks, failure modes, the trade-offs you chose.",
  research: "How the real system is built: talks, engineering blogs, papers.",
  comparison: "Where your design and the real one differ, and why.",
  learnings: "What you will do differently next time.",
};

const textOf = (sections: DesignSections, id: DesignSectionId) => sections[id] ?? "";

function parseSections(ids: DesignSectionId[]) {
  return (raw: unknown): DesignSections | null => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
    const sections: DesignSections = {};
    for (const id of ids) {
      const text = (raw as Record<string, unknown>)[id];
      if (typeof text === "string") sections[id] = text;
    }
    return sections;
  };
}

/** One Markdown field per section of the practice method (the diagram as Mermaid), autosaved. */
export function DesignEditor({ week, userId, sections: infos, initial }: { week: number; userId: string; sections: SectionInfo[]; initial: StoredCopy<DesignSections> }) {
  const ids = infos.map((s) => s.id);
  const [state, saver] = useDocSaver<DesignSections>({
    url: `/api/design/${week}`,
    storageKey: `deepend:design:${userId}:${week}`,
    initial,
    requestBody: (sections, baseVersion) => ({ sections, baseVersion }),
    parse: parseSections(ids),
    conflictField: "sections",
    equals: (a, b) => ids.every((id) => textOf(a, id) === textOf(b, id)),
    isBlank: (sections) => ids.every((id) => textOf(sections, id).trim() === ""),
  });
  const preview = useDeferredValue(state.value);
  const conflict = state.conflict;
  const differing = conflict ? infos.filter((s) => textOf(conflict.value, s.id) !== textOf(state.value, s.id)) : [];
  const asMarkdown = infos.map((s) => `## ${s.title}\n\n${textOf(state.value, s.id)}`).join("\n\n");

  return (
    <div className="space-y-6">
      <SaveBar status={state.status} error={state.error} restored={Boolean(state.restored)} conflict={Boolean(conflict)} onRetry={() => void saver.save()} />

      {conflict ? (
        <ConflictBanner what="design note" storedAt={conflict.updatedAt} mineAsText={asMarkdown} onKeepMine={() => saver.keepMine()} onTakeStored={() => saver.takeStored()}>
          <div className="space-y-4">
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              {differing.length === 1 ? "One section differs" : `${differing.length} sections differ`}: {differing.map((s) => s.title).join(", ")}.
            </p>
            {differing.map((s) => (
              <SideBySide key={s.id} label={s.title} stored={textOf(conflict.value, s.id)} mine={textOf(state.value, s.id)} />
            ))}
          </div>
        </ConflictBanner>
      ) : null}

      {infos.map((section, index) => {
        const text = textOf(state.value, section.id);
        const fieldId = `section-${section.id}`;
        return (
          <section key={section.id} aria-labelledby={`${fieldId}-title`} className="rounded-lg border border-zinc-200 p-4 sm:p-5 dark:border-zinc-800">
            <header className="mb-3">
              <h2 id={`${fieldId}-title`} className="text-lg font-semibold tracking-tight">
                <span className="mr-2 font-mono text-sm text-zinc-400">{String(index + 1).padStart(2, "0")}</span>
                {section.title}
              </h2>
              <p id={`${fieldId}-hint`} className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
                {HINTS[section.id]}
              </p>
            </header>
            <div className="grid gap-4 lg:grid-cols-2">
              <label htmlFor={fieldId} className="sr-only">
                {section.title}
              </label>
              <textarea
                id={fieldId}
                aria-describedby={`${fieldId}-hint`}
                value={text}
                onChange={(e) => saver.edit({ ...saver.getSnapshot().value, [section.id]: e.target.value })}
                spellCheck={section.id !== "diagram"}
                placeholder={section.id === "diagram" ? "graph TD\n  Client --> API\n  API --> DB[(Database)]" : "Markdown…"}
                className={`${editorTextareaClass} field-sizing-content min-h-28 max-h-[70vh]`}
              />
              <div data-testid={`preview-${section.id}`} className="min-h-28 min-w-0 rounded-lg border border-zinc-200 bg-zinc-50/50 px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900/40">
                {section.id === "diagram" ? (
                  <MermaidDiagram code={stripCodeFence(textOf(preview, section.id))} />
                ) : textOf(preview, section.id).trim() ? (
                  <MarkdownPreview source={textOf(preview, section.id)} className="prose-sm" />
                ) : (
                  <p className="text-sm italic text-zinc-400 dark:text-zinc-500">The preview appears here.</p>
                )}
              </div>
            </div>
          </section>
        );
      })}
    </div>
  );
}
