import { notFound } from "next/navigation";
import { CheckItem } from "@/components/plan/check-item";
import { requireUser } from "@/lib/auth/session";
import { getPlan } from "@/lib/plan/content";
import { formatRange } from "@/lib/plan/format";
import { appendixItemId, getCheckedItems } from "@/lib/plan/progress";
import { Breadcrumb } from "@/components/breadcrumb";

type Params = { params: Promise<{ id: string }> };

export default async function PhasePage({ params }: Params) {
  const { id } = await params;
  const plan = getPlan();
  const phase = plan.phases.find((p) => p.id === id);
  if (!phase) notFound();
  const user = await requireUser(`/plan/phase/${phase.id}`);
  const checked = await getCheckedItems(user.id);
  const card = "rounded-lg border border-zinc-200 p-5 dark:border-zinc-800";

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: "Plan", href: "/plan" }]} />
      <header>
        <p className="text-sm font-medium uppercase tracking-wide text-accent-600">
          Phase {phase.number} · weeks {formatRange(phase.weeks.start, phase.weeks.end)}
        </p>
        <h1 className="mt-1 text-3xl font-semibold tracking-tight">{phase.title}</h1>
        <p className="mt-2 max-w-3xl text-zinc-600 dark:text-zinc-400">{phase.summary}</p>
      </header>

      <section className={card}>
        <h2 className="text-lg font-semibold">Project: {phase.project.title}</h2>
        <p className="mt-2 text-sm">{phase.project.description}</p>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          {phase.project.requirements.map((group) => (
            <div key={group.area}>
              <h3 className="text-sm font-semibold">{group.area}</h3>
              <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
                {group.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <h3 className="mt-4 text-sm font-semibold">Success criteria</h3>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm">
          {phase.project.successCriteria.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="appendix" className="space-y-4">
        <h2 id="appendix" className="text-lg font-semibold">
          Checklists for this project
        </h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {plan.checklists.map((list) => (
            <div key={list.id} className={card}>
              <h3 className="font-semibold">{list.title}</h3>
              <p className="mb-2 text-xs text-zinc-500">{list.summary}</p>
              <ul>
                {list.items.map((item) => {
                  const itemId = appendixItemId(phase.id, list.id, item.id);
                  return <CheckItem key={itemId} itemId={itemId} label={item.text} initiallyChecked={checked.has(itemId)} />;
                })}
              </ul>
            </div>
          ))}
        </div>
      </section>

      <section className={card} aria-labelledby="resources">
        <h2 id="resources" className="text-lg font-semibold">
          Resources
        </h2>
        <div className="mt-3 grid gap-4 sm:grid-cols-3 text-sm">
          <div>
            <h3 className="font-semibold">Books</h3>
            <ul className="mt-1 space-y-1">
              {phase.resources.books.map((b) => (
                <li key={b.title}>
                  <span className="font-medium">{b.title}</span> <span className="text-zinc-500">· {b.authors.join(", ")}</span>
                  {b.core ? <span className="ml-1 rounded bg-accent-100 px-1 text-xs text-accent-700">core</span> : null}
                  <span className="block text-xs text-zinc-500">{b.note}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold">Online</h3>
            <ul className="mt-1 space-y-1">
              {phase.resources.online.map((r) => (
                <li key={r.name}>
                  {r.name} <span className="text-xs text-zinc-500">({r.kind})</span>
                  {r.note ? <span className="block text-xs text-zinc-500">{r.note}</span> : null}
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="font-semibold">Tools</h3>
            <ul className="mt-1 space-y-1">
              {phase.resources.tools.map((t) => (
                <li key={t.name}>
                  {t.name} <span className="text-xs text-zinc-500">({t.category})</span>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </section>

      {phase.stretchGoals.length > 0 ? (
        <section className={card}>
          <h2 className="text-lg font-semibold">Stretch goals</h2>
          <ul className="mt-2 space-y-2 text-sm">
            {phase.stretchGoals.map((g) => (
              <li key={g.id}>
                <span className="font-medium">{g.title}</span> <span className="text-zinc-500">({g.extraTime})</span>
                <span className="block text-zinc-600 dark:text-zinc-400">{g.items.join(" · ")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
