"use client";

import { Outcome } from "@/components/admin/fields";
import { useMutation } from "@/components/ui/use-mutation";
import { Button } from "@/components/ui/button";
import { formatClock, formatShortDate } from "@/lib/display/format";
import type { DeviceRow } from "@/lib/devices/list-devices";

// On the venue's clock, the same on the server's render and the browser's.
const when = (iso: string | null, timeZone: string) => (iso ? `${formatShortDate(iso, timeZone)}, ${formatClock(iso, timeZone)}` : "never");

/** Paired tablets with their last use; unpairing one ends every session on it at once. */
export function DeviceList({ devices }: { devices: DeviceRow[] }) {
  const { send, busy, error, done } = useMutation();
  return (
    <section aria-labelledby="paired-tablets" className="flex flex-col gap-3">
      <h2 id="paired-tablets" className="text-2xl font-semibold">
        Paired tablets
      </h2>
      <Outcome error={error} done={done} />
      {devices.length === 0 ? <p className="text-lg text-slate-400">No tablet is paired yet.</p> : null}
      <ul className="flex flex-col gap-3">
        {devices.map((d) => (
          <li
            key={d.id}
            data-testid="paired-tablet-row"
            className={`flex flex-col gap-3 rounded-2xl border px-5 py-4 md:flex-row md:items-center md:justify-between ${d.revokedAt ? "border-slate-800 bg-slate-900 text-slate-400" : "border-slate-700 bg-slate-800"}`}
          >
            <div className="flex flex-col gap-1">
              <p className="text-xl font-semibold">
                {d.name}
                <span className="ml-2 text-base font-normal text-slate-300">· {d.locationName}</span>
                {d.revokedAt ? (
                  <span className="ml-2 rounded-md bg-rose-900 px-2 py-0.5 text-sm text-rose-100">
                    Unpaired {when(d.revokedAt, d.timeZone)}
                  </span>
                ) : null}
              </p>
              <p className="text-sm text-slate-400">
                Paired {when(d.pairedAt, d.timeZone)} by {d.pairedByName} · last used {when(d.lastUsedAt, d.timeZone)}
              </p>
            </div>
            {d.revokedAt ? null : (
              <Button
                variant="danger"
                disabled={busy}
                onClick={() =>
                  void send(
                    "POST",
                    `/api/devices/${encodeURIComponent(d.id)}/revoke`,
                    {},
                    { success: `“${d.name}” is unpaired; everyone signed in on it is signed out.` },
                  )
                }
              >
                Unpair<span className="sr-only"> {d.name}</span>
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
