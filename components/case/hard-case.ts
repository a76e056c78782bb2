import type { CaseState } from "@/lib/playbook";

/**
 * A case that takes something out of the person handling it: serious, an angry guest, a
 * guest who needed hearing again, or an agreement that did not land first time.
 */
export function isHardCase(state: CaseState): boolean {
  const complaint = state.complaint;
  return (
    (complaint !== undefined && (complaint.severity >= 3 || complaint.mood === "angry" || complaint.mood === "furious")) ||
    state.returnsToListen > 0 ||
    state.readbackRefusals > 0
  );
}
