// Random case logs (tests/support/playbook/arbitraries.ts) written through the real use-cases,
// openCase and appendEvent, at the Harbour Kitchen with demo people: for the property tests that
// compare what is stored with what it should be (projection-property, hot-append).
import type { Arbitrary } from "fast-check";
import { appendEvent } from "@/lib/cases/append-event";
import { openCase } from "@/lib/cases/open-case";
import type { Db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import type { RecordedEvent } from "@/lib/playbook";
import { DEFAULT_ROOT_CAUSES } from "@/prisma/seed/root-causes";
import { actorFor } from "@/tests/support/actors";
import { arbitraryEventSequence, withFreshIds } from "@/tests/support/playbook/arbitraries";

/** The venue the logs happen at. */
export const RANDOM_LOG_VENUE = "loc-harbour";

/** Random logs acted by the venue's demo staff and manager, tagged with the seeded root causes. */
export function randomCaseLogs(): Arbitrary<RecordedEvent[]> {
  return arbitraryEventSequence({
    staffIds: ["usr-amira", "usr-ben"],
    managerIds: ["usr-maria"],
    locationId: RANDOM_LOG_VENUE,
    rootCauseTags: DEFAULT_ROOT_CAUSES.map((t) => t.slug),
  });
}

/** The cases one log was written as, and how many of its steps after the opening were stored. */
export type WrittenLog = { caseIds: string[]; appended: number };

/**
 * Writes one generated log as a case on each of `clients` (one case each; `key` makes its ids and
 * client event ids unique): opened by the first event's actor at the first event's time, then each
 * further event appended at its own time by its own actor, to every client in turn, before the next
 * event. Steps the playbook or validation refuses are simply not stored; any other error is thrown.
 * `appended` counts the steps the first client stored: a test asserts it is not always 0, or a
 * refusal of every step (a client event id too short, say) would pass for agreement.
 */
export async function writeCaseLog(clients: readonly Db[], generated: RecordedEvent[], key: string): Promise<WrittenLog> {
  const [first, ...rest] = withFreshIds(generated, key);
  const opener = actorFor(first.actor.id, RANDOM_LOG_VENUE);
  // Client event ids are 8 to 64 letters, digits, - and _ (lib/cases/client-event.ts).
  const clientEventId = (k: number, step: string) => `random-log-${key}-${k}-${step}`;
  const caseIds = await Promise.all(
    clients.map(async (client, k) => (await openCase(client, opener, { clientEventId: clientEventId(k, "open") }, () => first.at)).caseId),
  );
  let appended = 0;
  for (const [i, event] of rest.entries()) {
    const { at, actor, ...step } = event;
    for (const [k, client] of clients.entries()) {
      try {
        await appendEvent(
          client,
          actorFor(actor.id, RANDOM_LOG_VENUE),
          caseIds[k],
          { clientEventId: clientEventId(k, `${i}`), event: step },
          () => at,
        );
        if (k === 0) appended++;
      } catch (error) {
        if (!isAppError(error)) throw error;
      }
    }
  }
  return { caseIds, appended };
}
