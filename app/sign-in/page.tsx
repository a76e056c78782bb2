import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current";
import { rolesWith } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import { PasswordSignIn } from "@/components/sign-in/password-sign-in";
import { PinSignIn } from "@/components/sign-in/pin-sign-in";

export const dynamic = "force-dynamic";

const linkClass =
  "inline-flex min-h-12 items-center justify-center rounded-xl border border-slate-600 px-5 text-lg font-semibold text-slate-200 hover:bg-slate-800";

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentActor()) redirect("/");
  const withPassword = (await searchParams).with === "password";

  if (withPassword) {
    return (
      <main className="mx-auto flex min-h-dvh max-w-4xl flex-col gap-6 px-6 py-8">
        <h1 className="text-3xl font-bold text-sky-300">Complaint Coach</h1>
        <PasswordSignIn />
        <Link href="/sign-in" className={`${linkClass} self-center`}>
          Staff: sign in with your name and PIN
        </Link>
      </main>
    );
  }

  const db = await getDb();
  const [locations, users] = await Promise.all([
    db.location.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { active: true, pinHash: { not: null }, role: { in: [...rolesWith("signIn.pin")] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, role: true, locations: { select: { locationId: true } } },
    }),
  ]);
  return (
    <main className="mx-auto flex min-h-dvh max-w-4xl flex-col gap-6 px-6 py-8">
      <h1 className="text-3xl font-bold text-sky-300">Complaint Coach</h1>
      <PinSignIn
        locations={locations}
        people={users.map((u) => ({ id: u.id, name: u.name, role: u.role, locationIds: u.locations.map((l) => l.locationId) }))}
      />
      <Link href="/sign-in?with=password" className={`${linkClass} mt-auto self-center`}>
        Manager / trainer / admin sign-in
      </Link>
    </main>
  );
}
