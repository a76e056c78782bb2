import type { CaseView } from "@/lib/cases/get-case";
import { formatDateTime } from "@/lib/display/format";

function describe(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(describe).join("; ");
  if (typeof value === "object") {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${describe(v)}`)
      .join(", ");
  }
  return String(value);
}

/** A case as a trainer reads it (once it has ended): the steps in order, names and contact details already masked by getCase. */
export function RedactedCase({ view }: { view: CaseView }) {
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 px-6 py-8">
      <header className="flex flex-col gap-1">
        <h1 className="text-3xl font-bold">Case {view.reference}</h1>
        <p className="text-lg text-slate-300">
          {view.locationName} · handled by {view.openedByName}
        </p>
        <p className="text-base text-amber-200">Read-only. Names and customer contact details are removed.</p>
      </header>
      <ol className="flex flex-col gap-3">
        {view.log.map((event, i) => (
          <li key={i} className="rounded-xl border border-slate-700 bg-slate-800 px-5 py-3">
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="text-lg font-semibold">{event.type.replaceAll("_", " ")}</span>
              <span className="text-sm text-slate-400">
                {event.actor.role} · <time dateTime={event.at}>{formatDateTime(event.at, view.timeZone)}</time>
              </span>
            </p>
            <p className="text-slate-200">{describe(event.data)}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}
