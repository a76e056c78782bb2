import { formatMoney } from "@/lib/playbook/money";
import type { CaseState } from "@/lib/playbook/state";
import { CATEGORY_LABELS, COMPENSATION_LABELS, FEELING_LABELS, SEVERITY_LABELS } from "@/lib/playbook/vocabulary";

export type BriefLine = { label: string; text: string };

/**
 * What the manager who walks over needs in ten seconds, so the guest never has to repeat
 * themselves: what happened, how they feel, what was already offered, what is being asked.
 */
export function managerBrief(state: CaseState): BriefLine[] {
  const lines: BriefLine[] = [];
  const complaint = state.complaint;
  if (complaint) {
    lines.push({ label: "Where", text: complaint.spot });
    lines.push({ label: "They said", text: `“${complaint.customerWords}”` });
    lines.push({
      label: "About",
      text: `${CATEGORY_LABELS[complaint.category]} · severity ${complaint.severity} (${SEVERITY_LABELS[complaint.severity]}) · ${complaint.mood}`,
    });
  }
  if (state.feeling) lines.push({ label: "They feel", text: FEELING_LABELS[state.feeling.feeling] });
  if (state.apology) lines.push({ label: "Apology", text: state.apology.ourFault ? "Given; it was our fault" : "Given" });
  if (state.facts) lines.push({ label: "Facts", text: state.facts });
  if (state.options.length) lines.push({ label: "Offered", text: state.options.join(" · ") });
  for (const declined of state.declined) {
    lines.push({
      label: "Said no to",
      text: `${declined.request}: ${declined.reason} (offered instead: ${declined.alternatives.join(", ")})`,
    });
  }
  for (const decision of state.decisions) {
    lines.push({
      label: "Earlier decision",
      text: `${decision.decision === "approved" ? "Approved" : "Declined"}${decision.note ? `: ${decision.note}` : ""}`,
    });
  }
  if (state.chosenOption) lines.push({ label: "Agreed", text: state.chosenOption });

  const pending = state.pendingManager;
  if (pending?.kind === "remedy") {
    const offer = state.compensation.find((c) => c.status === "awaiting_approval");
    if (offer) {
      lines.push({
        label: "Asking for",
        text: `${COMPENSATION_LABELS[offer.kind]}: ${offer.description}, ${formatMoney(offer.valueCents)} (above the ${formatMoney(pending.limitCents ?? state.authorityLimitCents)} limit of whoever offered it)`,
      });
    }
  } else if (pending?.kind === "authority") {
    lines.push({ label: "Why a manager", text: pending.reason });
  }
  for (const note of state.notes) lines.push({ label: "Note", text: note.text });
  return lines;
}
