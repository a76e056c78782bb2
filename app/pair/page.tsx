import type { Metadata } from "next";
import Link from "next/link";
import { PairForm } from "@/components/devices/pair-form";
import { DemoModeNote } from "@/components/ui/demo-mode-note";
import { currentDevice, isDemoMode } from "@/lib/auth/current";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Pair this tablet · Complaint Coach" };

/**
 * Where a tablet becomes a venue's tablet: a manager's one-time code (typed, or opened from the
 * QR on the manager's desk) and one tap. Open to anyone: the code is the permission.
 */
export default async function PairPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const code = typeof params.code === "string" ? params.code.slice(0, 12) : "";
  const device = await currentDevice();
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col gap-6 px-6 py-8">
      <h1 className="text-3xl font-bold text-sky-300">Pair this tablet</h1>
      {device ? (
        <p className="rounded-xl border border-emerald-700 bg-emerald-950 px-4 py-3 text-lg text-emerald-100" data-testid="already-paired">
          This tablet is paired to <strong>{device.locationName}</strong> as “{device.name}”. A new code pairs it again (to that code&apos;s
          venue) and ends the old pairing.
        </p>
      ) : (
        <p className="text-lg text-slate-300">
          A paired tablet shows its venue&apos;s team on the sign-in screen, and they sign in with a PIN. Anywhere else, sign-in takes an
          email and password.
        </p>
      )}
      <DemoModeNote shown={isDemoMode()} />
      <PairForm initialCode={code} again={Boolean(device)} />
      <Link href="/sign-in" className="self-center text-lg text-sky-300 underline">
        Back to sign-in
      </Link>
    </main>
  );
}
