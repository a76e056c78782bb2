import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor, currentDevice, isDemoMode } from "@/lib/auth/current";
import { rolesWith } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { PasswordSignIn } from "@/components/sign-in/password-sign-in";
import { PinSignIn } from "@/components/sign-in/pin-sign-in";
import { SessionEndedNote } from "@/components/sign-in/session-ended-note";
import { TabletHandover } from "@/components/sign-in/tablet-handover";
import { DemoModeNote } from "@/components/ui/demo-mode-note";

export const dynamic = "force-dynamic";

const linkClass =
  "inline-flex min-h-12 items-center justify-center rounded-xl border border-slate-600 px-5 text-lg font-semibold text-slate-200 hover:bg-slate-800";

/**
 * On a tablet paired to a venue: that venue's people, then a PIN. Anywhere else: email and
 * password only — nobody's name is shown to a browser that is not a paired tablet.
 */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentActor()) redirect("/");
  const params = await searchParams;
  const device = await currentDevice();
  const pairingLost = params.paired === "1" && !device;
  const withPassword = params.with === "password" || !device;

  const header = (
    <>
      <h1 className="text-3xl font-bold text-sky-300">Complaint Coach</h1>
      {device ? (
        <p className="text-lg text-slate-300" data-testid="paired-tablet">
          This tablet: <span className="font-semibold text-slate-100">{device.name}</span> · {device.locationName}
        </p>
      ) : null}
      <SessionEndedNote />
      {pairingLost ? (
        <p role="alert" className="rounded-xl border border-rose-400 bg-rose-950 px-4 py-3 text-lg text-rose-100">
          The tablet was paired, but this browser did not keep the pairing. This happens when the app is opened over plain http from another
          device (Safari refuses secure cookies there) or when cookies are blocked: open it over https, or use <code>npm run demo</code> to
          try it on your own network.
        </p>
      ) : null}
      <DemoModeNote shown={isDemoMode()} />
    </>
  );

  if (withPassword) {
    return (
      <main className="mx-auto flex min-h-dvh max-w-4xl flex-col gap-6 px-6 py-8">
        {header}
        <PasswordSignIn />
        {device ? (
          <Link href="/sign-in" className={`${linkClass} self-center`}>
            Staff: sign in with your name and PIN
          </Link>
        ) : (
          <section
            aria-labelledby="staff-here"
            className="mx-auto flex w-full max-w-md flex-col gap-3 rounded-2xl border border-slate-700 bg-slate-900 px-5 py-4"
          >
            <h2 id="staff-here" className="text-xl font-semibold">
              Staff with a PIN?
            </h2>
            <p className="text-slate-300" data-testid="not-paired">
              PIN sign-in works only on a tablet paired to your venue. A manager makes a pairing code on the manager&apos;s desk (Tablets)
              and types it here once.
            </p>
            <Link href="/pair" className={`${linkClass} self-start`}>
              Pair this tablet
            </Link>
          </section>
        )}
        <TabletHandover />
      </main>
    );
  }

  const people = await (
    await getDb()
  ).user.findMany({
    where: {
      active: true,
      pinHash: { not: null },
      role: { in: [...rolesWith("signIn.pin")] },
      locations: { some: { locationId: device.locationId } },
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, role: true },
  });
  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col gap-6 px-6 py-8">
      {header}
      <PinSignIn people={people} />
      <Link href="/sign-in?with=password" className={`${linkClass} mt-auto self-center`}>
        Manager / trainer / admin sign-in
      </Link>
      <TabletHandover />
    </main>
  );
}
