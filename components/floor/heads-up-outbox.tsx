"use client";

import { Button } from "@/components/ui/button";
import type { OutboxLine } from "./use-heads-up-outbox";
import { QUEUED_WORDS } from "./use-heads-up-outbox";

/**
 * What this person captured here that the server does not have yet — "Saved on this tablet, will
 * send when online" — or refused (why, and a way on), and what went while the page was open
 * ("✓ Sent"). Nothing shows when there is nothing to say.
 */
export function HeadsUpOutbox({
  queued,
  sent,
  discard,
  title,
}: {
  queued: OutboxLine[];
  sent: OutboxLine[];
  discard: (line: OutboxLine) => Promise<void>;
  title: string;
}) {
  if (!queued.length && !sent.length) return null;
  return (
    <section aria-label={title} data-testid="heads-up-outbox" className="flex flex-col gap-2">
      <h3 className="text-lg font-semibold">{title}</h3>
      <ul className="flex flex-col gap-2">
        {queued.map((line) =>
          line.refusal ? (
            <li
              key={line.seq}
              role="alert"
              data-testid="heads-up-refused"
              className="flex flex-wrap items-center justify-between gap-3 rounded-xl border-l-4 border-rose-400 bg-rose-950/80 px-4 py-3 text-rose-50"
            >
              <span className="text-lg">
                <span className="font-semibold">{line.label}</span> was not accepted: {line.refusal.message}
              </span>
              <Button variant="secondary" onClick={() => void discard(line)}>
                Remove it from this tablet
              </Button>
            </li>
          ) : (
            <li
              key={line.seq}
              data-testid="heads-up-queued"
              className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-sky-700 bg-sky-950/70 px-4 py-3 text-sky-50"
            >
              <span className="text-lg font-semibold">{line.label}</span>
              <span className="rounded-md bg-sky-900 px-2 py-1 text-base font-semibold">{QUEUED_WORDS}</span>
            </li>
          ),
        )}
        {sent.map((line) => (
          <li
            key={line.seq}
            data-testid="heads-up-sent"
            className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-emerald-700 bg-emerald-950/60 px-4 py-3 text-emerald-50"
          >
            <span className="text-lg font-semibold">{line.label}</span>
            <span className="text-base">
              ✓ Sent
              {line.sent && "id" in line.sent && line.kind !== "end" ? (
                <>
                  {" · "}
                  <a href={`/heads-ups/${line.sent.id}`} className="underline">
                    Open it
                  </a>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
