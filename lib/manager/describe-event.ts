import "server-only";
import {
  sameRemedy,
  supersededSteps,
  CATEGORY_LABELS,
  COMPENSATION_LABELS,
  FEELING_LABELS,
  formatMoney,
  SEVERITY_LABELS,
  type RecordedEvent,
  type RemedyTerms,
  type Severity,
} from "@/lib/playbook";

export type HistoryLine = {
  sequence: number;
  at: string;
  type: RecordedEvent["type"];
  who: string;
  role: string;
  what: string;
  /** Extra words (notes, quotes), shown under the line. */
  detail?: string;
  /** Part of a round the customer later said "not quite" to: kept, but no longer what stands. */
  superseded?: boolean;
};

const quote = (s: string) => `“${s}”`;
const list = (items: readonly string[]) => items.map(quote).join(", ");

/**
 * One plain-English line per event: who did what, when. Action updates name the action by
 * its description, so the history is read alongside the actions as they were at the time.
 */
export function describeHistory(
  log: readonly RecordedEvent[],
  names: ReadonlyMap<string, string>,
  tagLabels: ReadonlyMap<string, string> = new Map(),
  timeZone = "Europe/London",
): HistoryLine[] {
  const actions = new Map<string, string>();
  const superseded = supersededSteps(log);
  let lastOffer: RemedyTerms | undefined;
  return log.map((event, index) => {
    const line = describe(event, actions, tagLabels, timeZone, lastOffer);
    if (event.type === "actions_agreed") for (const a of event.data.actions) actions.set(a.id, a.description);
    if (event.type === "compensation_offered") lastOffer = event.data;
    return {
      sequence: index + 1,
      at: event.at.toISOString(),
      type: event.type,
      who: names.get(event.actor.id) ?? event.actor.id,
      role: event.actor.role,
      ...line,
      ...(superseded[index] ? { superseded: true } : {}),
    };
  });
}

function formatDue(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(iso));
}

function describe(
  e: RecordedEvent,
  actions: ReadonlyMap<string, string>,
  tags: ReadonlyMap<string, string>,
  timeZone: string,
  lastOffer: RemedyTerms | undefined,
): { what: string; detail?: string } {
  switch (e.type) {
    case "case_opened":
      return {
        what: `Opened case ${e.data.reference}${e.data.practice ? " (practice)" : ""}${e.data.fromHeadsUp ? ` from heads-up ${e.data.fromHeadsUp.reference}` : ""}`,
        detail: e.data.fromHeadsUp
          ? `${e.data.fromHeadsUp.what} · ${e.data.fromHeadsUp.spot}${e.data.fromHeadsUp.option ? ` · they had chosen ${quote(e.data.fromHeadsUp.option)}` : ""}`
          : undefined,
      };
    case "complaint_heard": {
      const d = e.data;
      return {
        what: `Heard the complaint: ${CATEGORY_LABELS[d.category]}, ${SEVERITY_LABELS[d.severity as Severity].toLowerCase()}, at ${d.spot}; customer ${d.mood}`,
        detail: quote(d.customerWords),
      };
    }
    case "feeling_validated":
      return { what: `Named the feeling: ${FEELING_LABELS[e.data.feeling].toLowerCase()}`, detail: e.data.words && quote(e.data.words) };
    case "apology_given":
      return { what: `Apologised (${e.data.ourFault ? "our fault" : "not our fault"})`, detail: e.data.words && quote(e.data.words) };
    case "options_offered":
      return { what: `Offered ${list(e.data.options)}`, detail: e.data.facts && `Facts: ${e.data.facts}` };
    case "request_declined":
      return {
        what: `Said no to ${quote(e.data.request)}; offered instead ${list(e.data.alternatives)}`,
        detail: `Why: ${e.data.reason}`,
      };
    case "escalation_requested":
      return { what: "Asked for a manager", detail: e.data.reason };
    case "manager_decided": {
      const remedy = e.data.remedy;
      if (e.data.decision === "approved" && remedy && lastOffer && !sameRemedy(lastOffer, remedy)) {
        return {
          what: `Approved ${formatMoney(remedy.valueCents)} (${COMPENSATION_LABELS[remedy.kind].toLowerCase()}: ${remedy.description}) instead of ${quote(lastOffer.description)} (${formatMoney(lastOffer.valueCents)})`,
          detail: e.data.note,
        };
      }
      return {
        what: `${e.data.decision === "approved" ? "Approved" : "Declined"} the request${e.data.option ? `, offering ${quote(e.data.option)}` : ""}`,
        detail: e.data.note,
      };
    }
    case "solution_agreed":
      return { what: `Agreed the solution ${quote(e.data.option)}` };
    case "compensation_offered":
      return {
        what: `Offered ${COMPENSATION_LABELS[e.data.kind].toLowerCase()}: ${e.data.description} (${formatMoney(e.data.valueCents)})`,
      };
    case "compensation_skipped":
      return { what: "Gave no compensation", detail: e.data.reason };
    case "actions_agreed":
      return {
        what: `Agreed ${e.data.actions.length === 1 ? "an action" : `${e.data.actions.length} actions`}`,
        detail: e.data.actions.map((a) => `${a.description} — ${a.owner}, by ${formatDue(a.dueAt, timeZone)}`).join("\n"),
      };
    case "readback_answered":
      return {
        what: e.data.accepted ? "Read back the agreement: the customer accepted" : "Read back the agreement: the customer did not accept",
        detail: e.data.comment && quote(e.data.comment),
      };
    case "root_causes_tagged":
      return { what: `Tagged root causes: ${e.data.tags.map((t) => tags.get(t) ?? t).join(", ")}`, detail: e.data.note };
    case "case_closed":
      return { what: "Closed the case" };
    case "customer_vented":
      return { what: `The customer vented: went back to ${e.data.backTo === "listen" ? "Listen" : "Validate"}`, detail: e.data.note };
    case "note_added":
      return { what: "Added a note", detail: e.data.text };
    case "case_abandoned":
      return { what: "Marked the case abandoned", detail: e.data.reason };
    case "action_updated": {
      const name = actions.get(e.data.actionId) ?? e.data.actionId;
      const changes: string[] = [];
      if (e.data.status === "done") changes.push("marked it done");
      if (e.data.status === "open") changes.push("reopened it");
      if (e.data.owner) changes.push(`gave it to ${e.data.owner}`);
      if (e.data.dueAt) changes.push(`set it due ${formatDue(e.data.dueAt, timeZone)}`);
      return { what: `Action ${quote(name)}: ${changes.join(", ") || "updated"}`, detail: e.data.note };
    }
    case "promise_update_told": {
      const name = actions.get(e.data.actionId) ?? e.data.actionId;
      return {
        what: `Went back and told the customer ${quote(name)} would be late${e.data.newDueAt ? `; new time ${formatDue(e.data.newDueAt, timeZone)}` : ""}`,
        detail: e.data.words && quote(e.data.words),
      };
    }
    case "manager_note_added":
      return { what: "Added a manager's note", detail: e.data.text };
    case "case_reopened":
      return { what: "Reopened the case", detail: e.data.reason };
  }
}
