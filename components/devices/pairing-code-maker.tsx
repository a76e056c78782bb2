"use client";

import { useEffect, useState } from "react";
import { renderSVG } from "uqr";
import { Outcome, SelectField, TextField } from "@/components/admin/fields";
import { Button } from "@/components/ui/button";
import { useMutation } from "@/components/ui/use-mutation";

type Made = { code: string; expiresAt: string; locationName: string; deviceName: string };

/**
 * The manager's side of pairing: name the tablet, get a one-time code (and a QR of the pairing
 * link, drawn here from this page's own address: no outside service), type or scan it on the tablet.
 */
export function PairingCodeMaker({ locations }: { locations: { id: string; name: string }[] }) {
  const [locationId, setLocationId] = useState(locations.length === 1 ? locations[0].id : "");
  const [name, setName] = useState("");
  const [made, setMade] = useState<Made | null>(null);
  const { send, busy, error } = useMutation();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!made) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [made]);

  async function make() {
    const result = await send<Made>("POST", "/api/devices/pairing-codes", { locationId, name }, { refresh: false });
    if (!result.ok) return;
    setMade(result.data);
    setNow(Date.now());
  }

  const fields = error?.details?.fields as Record<string, string> | undefined;
  const left = made ? Math.max(0, Date.parse(made.expiresAt) - now) : 0;
  const link = made ? `${window.location.origin}/pair?code=${encodeURIComponent(made.code)}` : "";

  return (
    <section aria-labelledby="pair-a-tablet" className="flex flex-col gap-4 rounded-2xl border border-slate-700 bg-slate-900 px-5 py-5">
      <h2 id="pair-a-tablet" className="text-2xl font-semibold">
        Pair a tablet
      </h2>
      <p className="text-slate-300">
        A paired tablet shows its venue&apos;s team and takes their PINs. Make a code here, then on the tablet open <strong>/pair</strong>{" "}
        (or scan the QR) and enter it. The code works once, for ten minutes.
      </p>
      <form
        className="grid grid-cols-1 gap-4 md:grid-cols-3 md:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          void make();
        }}
      >
        {locations.length > 1 ? (
          <SelectField
            id="pair-location"
            label="Venue"
            value={locationId}
            onChange={(e) => setLocationId(e.target.value)}
            error={fields?.locationId}
          >
            <option value="">Pick the venue</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="text-lg">
            Venue: <strong>{locations[0]?.name ?? "none"}</strong>
          </p>
        )}
        <TextField
          id="pair-name"
          label="Tablet's name"
          placeholder="Front desk"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields?.name}
          maxLength={60}
        />
        <Button type="submit" disabled={busy || !locationId || !name.trim()}>
          {busy ? "Making a code…" : "Make a pairing code"}
        </Button>
      </form>
      <Outcome error={fields ? null : error} done={null} />
      {made ? (
        <div
          className="flex flex-col items-start gap-4 rounded-xl border border-sky-700 bg-slate-950 p-5 md:flex-row md:items-center"
          data-testid="pairing-code"
        >
          <div
            className="h-48 w-48 shrink-0 rounded-lg bg-white p-2"
            role="img"
            aria-label={`QR code of the pairing link for ${made.deviceName}`}
            // An SVG drawn by uqr from our own link: no markup from anyone else.
            dangerouslySetInnerHTML={{ __html: renderSVG(link, { border: 1 }) }}
          />
          <div className="flex flex-col gap-2">
            <p className="text-slate-300">
              Code for “{made.deviceName}” at {made.locationName}:
            </p>
            <p className="font-mono text-5xl font-bold tracking-[0.2em] text-sky-200" data-testid="pairing-code-value">
              {made.code}
            </p>
            <p className="break-all text-slate-300">
              or open <span className="text-sky-300">{link}</span>
            </p>
            <p className={left > 0 ? "text-slate-400" : "text-amber-300"} aria-live="polite">
              {left > 0
                ? `Expires in ${Math.floor(left / 60_000)}:${String(Math.floor((left % 60_000) / 1000)).padStart(2, "0")}`
                : "Expired: make a new code."}
            </p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
