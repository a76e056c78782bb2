import type { ManagerDecision } from "@/lib/playbook";

/** A manager's answer, shown where staff carry on from it. */
export function DecisionNote({
  decision,
  approvedText,
  declinedText,
}: {
  decision: ManagerDecision;
  approvedText: string;
  declinedText: string;
}) {
  const approved = decision.decision === "approved";
  return (
    <p
      role="status"
      className={`rounded-xl border-l-4 px-4 py-3 text-lg ${approved ? "border-emerald-400 bg-emerald-950/60 text-emerald-50" : "border-amber-400 bg-amber-950/60 text-amber-50"}`}
    >
      <span className="font-semibold">{approved ? "Manager approved. " : "Manager declined. "}</span>
      {decision.note ? <>“{decision.note}” </> : null}
      {approved ? approvedText : declinedText}
    </p>
  );
}
