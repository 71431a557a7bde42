import { ConceptRow } from "@/components/concept-row";
import { requireUser } from "@/lib/auth/session";
import { getConceptProgress } from "@/lib/checklist/progress";
import { getLessonCatalog } from "@/lib/content/lessons";
import { getChecklist } from "@/lib/plan/content";

export const metadata = { title: "Concept checklist" };

export default async function ChecklistPage() {
  const user = await requireUser("/checklist");
  const checklist = getChecklist();
  const progress = await getConceptProgress(user.id);
  const lessons = [...getLessonCatalog().lessons.values()];
  const all = checklist.categories.flatMap((c) => c.concepts);
  const done = all.filter((c) => progress.get(c.id)?.status === "done").length;

  return (
    <div>
      <header className="mb-8">
        <h1 className="text-3xl font-semibold tracking-tight">Concept checklist</h1>
        <p className="mt-2 text-zinc-600 dark:text-zinc-400" data-testid="checklist-progress">
          {done} of {all.length} concepts done.
        </p>
      </header>
      <div className="space-y-8">
        {checklist.categories.map((category) => (
          <section key={category.id} aria-labelledby={`cat-${category.id}`}>
            <h2 id={`cat-${category.id}`} className="border-b border-zinc-200 pb-2 text-lg font-semibold dark:border-zinc-800">
              {category.title}{" "}
              <span className="text-sm font-normal text-zinc-500">
                {category.concepts.filter((c) => progress.get(c.id)?.status === "done").length}/{category.concepts.length}
              </span>
            </h2>
            <ul className="divide-y divide-zinc-100 dark:divide-zinc-900">
              {category.concepts.map((concept) => {
                const p = progress.get(concept.id);
                return (
                  <ConceptRow
                    key={concept.id}
                    id={concept.id}
                    title={concept.title}
                    description={concept.description}
                    status={p?.status ?? "not-started"}
                    doneAt={p?.doneAt?.toISOString() ?? null}
                    notes={p?.notes ?? ""}
                    lessons={lessons.filter((l) => l.concepts.includes(concept.id)).map((l) => ({ href: l.href, title: l.title }))}
                  />
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
