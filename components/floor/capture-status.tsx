/**
 * What became of a heads-up form's last capture: "Saved on this tablet, will send when online"
 * while it waits in the outbox, "✓ …" once the server has it (docs/decisions/0034).
 */
export function CaptureStatus({ note }: { note: string | null }) {
  if (!note) return null;
  const sent = note.startsWith("✓");
  return (
    <p
      role="status"
      data-testid="heads-up-capture-status"
      className={`rounded-xl border-2 px-4 py-3 text-lg font-semibold ${sent ? "border-emerald-600 bg-emerald-950/70 text-emerald-100" : "border-sky-400 bg-sky-950 text-sky-50"}`}
    >
      {note}
    </p>
  );
}
