import "server-only";
import { AppError } from "@/lib/errors";
import { awaitingCompensation, type CaseState, type EventOf } from "@/lib/playbook";

type DecisionData = EventOf<"manager_decided">["data"];
type DecisionInput = Pick<DecisionData, "decision" | "note" | "option" | "remedy">;

/**
 * The decision as it is recorded: checked for what this kind of request allows, and, for an
 * approved remedy, carrying the remedy approved (what was asked, unless the manager approved
 * something else), so everything downstream reads the approved value from the event.
 * Shared by the desk and the tablet (lib/cases/decide-on-tablet.ts).
 */
export function decisionFor(state: CaseState, input: DecisionInput): DecisionData {
  const { decision, note, option, remedy } = input;
  const pending = state.pendingManager;
  if (!pending) throw new AppError("playbook_refused", "No manager decision is awaited on this case.", { refusal: "not_ready" });
  if (option && pending.kind === "remedy") {
    throw new AppError("invalid_input", "An option can be added only when a manager is called to the table, not for a remedy approval.", {
      fields: { option: "Not for a remedy approval" },
    });
  }
  if (option && decision === "declined") {
    throw new AppError("invalid_input", "An option can be offered only with an approval.", { fields: { option: "Only with an approval" } });
  }
  if (remedy && (pending.kind !== "remedy" || decision !== "approved")) {
    throw new AppError("invalid_input", "Another remedy can be approved only in answer to a remedy request.", {
      fields: { remedy: "Only with a remedy approval" },
    });
  }
  if (pending.kind === "remedy" && decision === "approved") {
    const asked = awaitingCompensation(state);
    const approved = remedy ?? (asked ? { kind: asked.kind, description: asked.description, valueCents: asked.valueCents } : undefined);
    return { decision, note, remedy: approved };
  }
  return { decision, note, option };
}
